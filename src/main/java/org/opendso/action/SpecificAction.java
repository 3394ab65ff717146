package org.opendso.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A specific action as the sheet and the agenda list it; {@code items} are the item numbers it covers. When it is
 * closed, {@code completedBy} / {@code completedAt} / {@code completionNote} say who closed it, when and why (the
 * completion note, or the cancellation reason), and {@code outcome} how it ended.
 */
public record SpecificAction(
        long id,
        long customerId,
        String account,
        String customerName,
        ActionKind kind,
        LocalDate dueDate,
        long assigneeId,
        String assigneeLogin,
        String assigneeName,
        String note,
        ActionState state,
        long createdById,
        String createdBy,
        Instant createdAt,
        String completedBy,
        Instant completedAt,
        String completionNote,
        ActionOutcome outcome,
        List<String> items,
        long version) {

    public boolean isOpen() {
        return state == ActionState.OPEN;
    }

    public boolean isLate(LocalDate today) {
        return isOpen() && dueDate.isBefore(today);
    }
}
