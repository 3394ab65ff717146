package org.opendso.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A customer account with its header figures, as the customer sheet and the API show it; no credit limit: null. */
public record Customer(
        long id,
        String account,
        String name,
        String address,
        String postalCode,
        String city,
        String country,
        String currency,
        String email,
        String phone,
        BigDecimal balance,
        BigDecimal overdue,
        int openItems,
        LocalDate oldestOverdue,
        List<Assignee> assignees,
        long version,
        BigDecimal creditLimit) {

    public long oldestOverdueDays(LocalDate today) {
        return oldestOverdue == null ? 0 : ChronoUnit.DAYS.between(oldestOverdue, today);
    }
}
