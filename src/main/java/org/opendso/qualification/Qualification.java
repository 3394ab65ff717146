package org.opendso.qualification;

import java.time.LocalDate;
import java.util.List;
import org.opendso.action.ActionKind;
import org.opendso.item.ItemType;

/**
 * The three steps of a qualification, as submitted: (1) items with the version the user saw, a status, a date
 * and a comment; (2) an optional confirmation mail; (3) an optional specific action instead of continuing the
 * scenario. {@code source} says where the information came from when it is not the user's own (a customer's
 * message from the portal that a collector validated); null for a qualification entered by the user.
 */
public record Qualification(
        List<ItemRef> items,
        String status,
        LocalDate date,
        String comment,
        ConfirmationMail mail,
        NextAction nextAction,
        Source source) {

    /** A qualification entered by the user themself. */
    public Qualification(List<ItemRef> items, String status, LocalDate date, String comment, ConfirmationMail mail,
                         NextAction nextAction) {
        this(items, status, date, comment, mail, nextAction, null);
    }

    /**
     * Where a qualification's information came from: {@code kind} {@code PORTAL} for a customer's submission (its
     * id and who sent it, the contact's name or the customer's).
     */
    public record Source(String kind, long submissionId, String contact) {
    }

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
