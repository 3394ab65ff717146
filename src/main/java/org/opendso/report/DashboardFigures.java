package org.opendso.report;

import java.math.BigDecimal;

/**
 * The finance lead's headline figures in one currency: balance, overdue and its share of the open invoices, the
 * countback DSO of the current month, the qualification rate, and the open alerts of the accounts they see.
 */
public record DashboardFigures(String currency, BigDecimal balance, BigDecimal overdue, BigDecimal overduePercent,
                               BigDecimal dso, BigDecimal qualificationRate, long openAlerts) {
}
