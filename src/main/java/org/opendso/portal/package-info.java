/** The customer portal: personal links sent in emails, the statement a customer reads through them, what customers send back (comments, promises, disputes) until a collector decides, and the PDF copies of invoices. */
package org.opendso.portal;
