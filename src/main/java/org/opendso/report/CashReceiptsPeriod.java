package org.opendso.report;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** How the cash receipts report groups days: by day, ISO week (Monday first) or calendar month. */
public enum CashReceiptsPeriod {
    DAY, WEEK, MONTH;

    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** The default span ending today: 31 days, 13 weeks or 12 months. */
    public LocalDate defaultFrom(LocalDate to) {
        return switch (this) {
            case DAY -> to.minusDays(30);
            case WEEK -> to.with(DayOfWeek.MONDAY).minusWeeks(12);
            case MONTH -> to.withDayOfMonth(1).minusMonths(11);
        };
    }

    String sqlUnit() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
