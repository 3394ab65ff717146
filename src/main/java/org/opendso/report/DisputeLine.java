package org.opendso.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The open disputed items of one account under one status: amount, count, since when (the oldest status date),
 * how many days that is, and the resolvers (assignees of the open dispute follow-ups on them; null: none yet).
 */
public record DisputeLine(String account, String name, String code, String labelEn, String labelFr, BigDecimal amount,
                          long items, LocalDate since, long ageDays, String resolvers) {

    public String label(boolean french) {
        return french ? labelFr : labelEn;
    }
}
