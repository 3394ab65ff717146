package org.opendso.report;

import java.math.BigDecimal;

/**
 * One customer's credit risk: exposure (its balance) against its credit limit, overdue share, payment behaviour
 * and trend, and the grade they add up to (see {@link CreditRiskRule}). Percentages and days are null when they
 * cannot be computed (no limit, no balance, no payment in the window).
 */
public record CreditRiskLine(long customerId, String account, String name, String currency, BigDecimal exposure,
                             BigDecimal overdue, BigDecimal creditLimit, BigDecimal utilisation,
                             BigDecimal overdueShare, BigDecimal daysLate12, BigDecimal daysLate3, BigDecimal trend,
                             boolean overLimit, boolean worsening, int points, String grade) {
}
