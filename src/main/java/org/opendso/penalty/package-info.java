/** Late-payment penalties and recovery indemnities on overdue invoices, and the company's penalty settings. */
package org.opendso.penalty;
