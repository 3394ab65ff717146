/** A user's notifications list, its "read" signal to the bell, and the "My notifications" settings dialog. */
package org.opendso.notification.ui;
