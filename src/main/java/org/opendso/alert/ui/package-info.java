/** The alerts in the interface: badges on accounts, the notifications list, the bell in the header and the rules' settings. */
package org.opendso.alert.ui;
