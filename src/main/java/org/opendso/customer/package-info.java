/** Customers (debtor accounts), their contacts and the staff assigned to them; who may see which account. */
package org.opendso.customer;
