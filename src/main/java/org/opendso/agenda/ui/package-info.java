/** The agenda view: a collector's or sales manager's waiting actions, with the row actions of a working day. */
package org.opendso.agenda.ui;
