package org.opendso.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Money received from {@code from} to {@code to} (both included) in one currency: per period, on time (received on
 * or before the due date) and late; per customer, the largest first. Receipts are what imports recorded when an
 * item closed or its open amount went down (a consumed credit note is a negative receipt: the figures are net).
 */
public record CashReceiptsReport(CashReceiptsPeriod period, LocalDate from, LocalDate to, String currency,
                                 List<Period> periods, List<Customer> customers, long customerCount) {

    public record Period(LocalDate start, BigDecimal onTime, BigDecimal late) {
        public BigDecimal total() {
            return onTime.add(late);
        }
    }

    /** {@code averageDaysLate}: weighted by amount, of the payments (positive receipts); null without any. */
    public record Customer(String account, String name, BigDecimal onTime, BigDecimal late, BigDecimal averageDaysLate) {
        public BigDecimal total() {
            return onTime.add(late);
        }
    }

    public BigDecimal onTime() {
        return periods.stream().map(Period::onTime).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal late() {
        return periods.stream().map(Period::late).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
        return onTime().add(late());
    }

    /** The share received on time, in percent (null when nothing was received). */
    public BigDecimal onTimeShare() {
        BigDecimal total = total();
        return total.signum() == 0 ? null
                : onTime().multiply(BigDecimal.valueOf(100)).divide(total, 1, java.math.RoundingMode.HALF_UP);
    }
}
