/** Open items (invoices, credit notes, unallocated payments) and the per-account balances derived from them. */
package org.opendso.item;
