/**
 * The agenda: collection actions generated from the accounts' scenarios, what collectors do with them, and the
 * email actions carried out from the composer, the "to confirm" list or the automatic sender.
 */
package org.opendso.agenda;
