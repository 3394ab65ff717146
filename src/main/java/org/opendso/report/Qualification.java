package org.opendso.report;

import java.math.BigDecimal;

/**
 * How much of the overdue (invoices past due) carries a status and a comment: the qualification rate, by amount and
 * by count of items.
 */
public record Qualification(BigDecimal overdue, BigDecimal qualified, long overdueItems, long qualifiedItems) {

    /** Qualified overdue amount ÷ overdue amount, in percent. */
    public BigDecimal rate() {
        return AgingFigures.Percent.of(qualified, overdue);
    }

    /** Qualified overdue items ÷ overdue items, in percent. */
    public BigDecimal countRate() {
        return AgingFigures.Percent.of(BigDecimal.valueOf(qualifiedItems), BigDecimal.valueOf(overdueItems));
    }
}
