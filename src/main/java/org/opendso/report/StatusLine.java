package org.opendso.report;

import java.math.BigDecimal;

/**
 * Open items of one status (code null: items without a status), or of one category when {@code code} is null and
 * {@code category} set: outstanding and overdue amounts and counts.
 */
public record StatusLine(String category, String code, String labelEn, String labelFr, BigDecimal outstanding,
                         BigDecimal overdue, long items, long overdueItems) {

    public String label(boolean french) {
        return french ? labelFr : labelEn;
    }
}
