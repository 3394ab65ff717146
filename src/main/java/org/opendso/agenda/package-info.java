/** The agenda: collection actions generated from the accounts' scenarios, and what collectors do with them. */
package org.opendso.agenda;
