package org.opendso.agenda;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A collection action as the agenda shows it. {@code scenario} is the name of the scenario it comes from (null for
 * an old-items warning); {@code amount} is the account's overdue amount.
 */
public record PlannedAction(
        long id,
        long customerId,
        String account,
        String customerName,
        String kind,
        LocalDate dueDate,
        String scenario,
        String label,
        String state,
        BigDecimal amount,
        String assignee,
        String assigneeName,
        String outcome,
        String note,
        long version) {

    public boolean isWaiting() {
        return "PLANNED".equals(state) || "TO_CONFIRM".equals(state);
    }

    public boolean isLate(LocalDate today) {
        return isWaiting() && dueDate.isBefore(today);
    }
}
