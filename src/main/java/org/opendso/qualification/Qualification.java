package org.opendso.qualification;

import java.time.LocalDate;
import java.util.List;
import org.opendso.action.ActionKind;
import org.opendso.item.ItemType;

/**
 * The three steps of a qualification, as submitted: (1) items with the version the user saw, a status, a date
 * and a comment; (2) an optional confirmation mail; (3) an optional specific action instead of continuing the
 * scenario.
 */
public record Qualification(
        List<ItemRef> items,
        String status,
        LocalDate date,
        String comment,
        ConfirmationMail mail,
        NextAction nextAction) {

    /** An item as the user saw it. */
    public record ItemRef(ItemType type, String number, long version) {
    }

    /** Step 2: the mail as the user edited it (the recipient is a contact's or a user's address). */
    public record ConfirmationMail(String to, String toName, String subject, String bodyHtml) {
    }

    /** Step 3: a specific action for these items, which takes them out of the scenario while open. */
    public record NextAction(ActionKind kind, LocalDate dueDate, long assigneeId, String note) {
    }
}
