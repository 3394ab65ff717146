package org.opendso.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One line of the customer list. */
public record CustomerRow(
        long id,
        String account,
        String name,
        String city,
        String currency,
        BigDecimal balance,
        BigDecimal overdue,
        int openItems,
        LocalDate oldestOverdue,
        String collectors,
        String salesManagers) {

    public long oldestOverdueDays(LocalDate today) {
        return oldestOverdue == null ? 0 : ChronoUnit.DAYS.between(oldestOverdue, today);
    }
}
