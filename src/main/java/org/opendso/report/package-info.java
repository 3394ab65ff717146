/** Reports over the book of open items: what is owed, how old, how fast it is paid, and what is disputed. */
package org.opendso.report;
