package org.opendso.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One month of the DSO trend (the current one so far: {@code partial}, receivables of today): receivables at its
 * end, total and current (not yet due), its sales, the countback and simple DSO, the best possible DSO, the average
 * days delinquent (simple DSO − best possible) and the CEI. A figure without sales to divide by is null.
 */
public record DsoMonth(LocalDate month, int days, boolean partial, BigDecimal receivables, BigDecimal current,
                       BigDecimal sales, BigDecimal countback, BigDecimal simple, BigDecimal bestPossible,
                       BigDecimal averageDaysDelinquent, BigDecimal cei) {
}
