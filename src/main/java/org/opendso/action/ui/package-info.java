/** The dialogs of specific actions (create, complete, cancel, edit), the page that opens one, the agenda's list. */
package org.opendso.action.ui;
