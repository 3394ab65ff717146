package org.opendso.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Open amounts by age: invoices not yet due and 1–30, 31–60, 61–90, over 90 days past due (days past due = today −
 * due date; due today is not due); credit notes and unallocated payments (negative) in {@code credits}, netted in
 * the balance.
 */
public record AgingFigures(BigDecimal notDue, BigDecimal d1_30, BigDecimal d31_60, BigDecimal d61_90,
                           BigDecimal over90, BigDecimal credits) {

    public static final AgingFigures ZERO = new AgingFigures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal overdue() {
        return d1_30.add(d31_60).add(d61_90).add(over90);
    }

    public BigDecimal balance() {
        return notDue.add(overdue()).add(credits);
    }

    /** Overdue invoices as a share of the open invoices (credits aside: they would push it over 100). */
    public BigDecimal overduePercent() {
        return Percent.of(overdue(), notDue.add(overdue()));
    }

    /** A share in percent with one decimal; zero of nothing. */
    static final class Percent {
        private Percent() {
        }

        static BigDecimal of(BigDecimal part, BigDecimal whole) {
            return whole.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                    : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
        }
    }
}
