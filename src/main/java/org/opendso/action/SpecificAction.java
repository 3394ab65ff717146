package org.opendso.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A specific action as the sheet lists it; {@code items} are the item numbers it covers. */
public record SpecificAction(
        long id,
        long customerId,
        ActionKind kind,
        LocalDate dueDate,
        String assigneeLogin,
        String assigneeName,
        String note,
        ActionState state,
        String createdBy,
        Instant createdAt,
        String completedBy,
        Instant completedAt,
        String completionNote,
        List<String> items,
        long version) {

    public boolean isOpen() {
        return state == ActionState.OPEN;
    }
}
