/** Per-user notifications (a dispute on an account one manages, an action given to one) and their emails. */
package org.opendso.notification;
