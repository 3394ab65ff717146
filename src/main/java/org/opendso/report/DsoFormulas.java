package org.opendso.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The formulas of decision 0021, on numbers only (the report reads them). Days come out with one decimal; a figure
 * whose divisor is zero is null (no sales, nothing to count back against).
 */
final class DsoFormulas {

    private static final MathContext MATH = MathContext.DECIMAL64;

    private DsoFormulas() {
    }

    /** A month's sales and its days (the month so far for the current one). */
    record MonthSales(int days, BigDecimal sales) {
    }

    /**
     * Countback: from the receivables at the end of the newest month, subtract each month's sales going back and add
     * that month's days, while the receivables cover the whole month; the month they do not cover adds its days pro
     * rata (what is left ÷ its sales). Receivables beyond the months given count those months' days only.
     */
    static BigDecimal countback(BigDecimal receivables, List<MonthSales> newestFirst) {
        if (receivables.signum() <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal left = receivables;
        BigDecimal days = BigDecimal.ZERO;
        for (MonthSales m : newestFirst) {
            if (m.sales().signum() > 0 && left.compareTo(m.sales()) <= 0) {
                days = days.add(BigDecimal.valueOf(m.days()).multiply(left).divide(m.sales(), MATH));
                return days.setScale(1, RoundingMode.HALF_UP);
            }
            days = days.add(BigDecimal.valueOf(m.days()));
            left = left.subtract(m.sales().max(BigDecimal.ZERO));
        }
        return days.setScale(1, RoundingMode.HALF_UP);
    }

    /** Receivables ÷ sales of the period × the period's days (the simple method; with current receivables: best possible DSO). */
    static BigDecimal simple(BigDecimal receivables, BigDecimal sales, int days) {
        if (sales.signum() <= 0) {
            return null;
        }
        return receivables.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);
    }

    /**
     * Collection effectiveness index (Credit Research Foundation): (beginning receivables + credit sales − ending
     * total receivables) ÷ (beginning receivables + credit sales − ending current receivables) × 100.
     */
    static BigDecimal cei(BigDecimal beginning, BigDecimal sales, BigDecimal endingTotal, BigDecimal endingCurrent) {
        BigDecimal collectible = beginning.add(sales).subtract(endingCurrent);
        if (collectible.signum() <= 0) {
            return null;
        }
        return beginning.add(sales).subtract(endingTotal).multiply(BigDecimal.valueOf(100))
                .divide(collectible, 1, RoundingMode.HALF_UP);
    }
}
