/** Outgoing email: an outbox written in the transaction of the action, delivered with retries, readable in a mail log. */
package org.opendso.mail;
