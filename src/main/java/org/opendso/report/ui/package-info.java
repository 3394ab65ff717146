/** The report pages and what they share: the filter bar. */
package org.opendso.report.ui;
