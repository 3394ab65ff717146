package org.opendso.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One line of a customer's statement of account. */
public record OpenItem(
        long id,
        long customerId,
        ItemType type,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        String reference,
        Instant closedAt,
        long version,
        ItemQualification qualification) {

    /** The key by which the API and import name an item in its tenant. */
    public record Key(ItemType type, String number) {
    }

    public Key key() {
        return new Key(type, number);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Days past the due date on {@code today}; 0 when not yet due (an item due today is not due). */
    public long daysOverdue(LocalDate today) {
        return isOpen() && dueDate.isBefore(today) ? ChronoUnit.DAYS.between(dueDate, today) : 0;
    }
}
