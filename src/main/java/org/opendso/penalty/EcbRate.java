package org.opendso.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An ECB main refinancing rate (percent) a company's statutory penalty uses, by the date it took effect.
 * {@code published}: the rate shipped with OpenDSO for that date, or null; {@code recordedByCompany}: the company
 * recorded this row itself (a rate the published list does not have yet, or its own figure for a published date).
 */
public record EcbRate(LocalDate effectiveDate, BigDecimal ratePercent, BigDecimal published, boolean recordedByCompany) {

    /** A company row can be deleted; a published date without one cannot (it is reference data). */
    public boolean deletable() {
        return recordedByCompany;
    }
}
