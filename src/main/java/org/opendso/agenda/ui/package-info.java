/**
 * The agenda view: a collector's or sales manager's waiting actions, with the row actions of a working day, the
 * email composer, and the list of automatic emails to confirm.
 */
package org.opendso.agenda.ui;
