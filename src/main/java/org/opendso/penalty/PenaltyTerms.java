package org.opendso.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a company charges on late invoices: whether it does, the annual rate (statutory or fixed) and the fixed
 * recovery indemnity per late invoice.
 */
public record PenaltyTerms(boolean enabled, PenaltyMode mode, BigDecimal fixedRatePercent, BigDecimal fixedIndemnity,
                           EcbRates ecbRates) {

    /** The points the French Commercial Code (art. L441-10) adds to the ECB rate for the default penalty rate. */
    public static final BigDecimal STATUTORY_MARGIN = BigDecimal.TEN;

    /** The annual rate in percent for a day of lateness: statutory rates are fixed per calendar half-year. */
    public BigDecimal annualRatePercent(LocalDate day) {
        return mode == PenaltyMode.FIXED ? fixedRatePercent : statutoryRatePercent(day);
    }

    /** The statutory rate of {@code day}'s half-year, whichever mode the company chose. */
    public BigDecimal statutoryRatePercent(LocalDate day) {
        return ecbReference(day).getValue().add(STATUTORY_MARGIN);
    }

    /** The ECB rate the statutory rate of {@code day}'s half-year uses: the one in force on 1 January or 1 July. */
    public Map.Entry<LocalDate, BigDecimal> ecbReference(LocalDate day) {
        return ecbRates.inForce(halfYearStart(day));
    }

    static LocalDate halfYearStart(LocalDate day) {
        return LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
    }
}
