package org.opendso.portal;

import org.opendso.status.StatusCategory;

/**
 * How the portal words an item's situation for the customer: from the status's category and the due date, never the
 * company's own status name or comments.
 */
public enum CustomerStatus {
    /** Not yet due. */
    DUE,
    /** Past its due date, no status. */
    OVERDUE,
    /** Payment promised, on the status date. */
    PAYMENT_PROMISED,
    /** Disputed: the company is looking into it. */
    UNDER_REVIEW,
    /** A dispute was resolved, payment expected. */
    RESOLVED,
    /** Handed to the legal department. */
    LEGAL,
    /** A credit note, in the customer's favour. */
    CREDIT;

    static CustomerStatus of(StatusCategory category, boolean credit, boolean overdue) {
        if (credit) {
            return CREDIT;
        }
        if (category == null) {
            return overdue ? OVERDUE : DUE;
        }
        return switch (category) {
            case PROMISE_TO_PAY -> PAYMENT_PROMISED;
            case DISPUTE -> UNDER_REVIEW;
            case DISPUTE_RESOLVED -> RESOLVED;
            case LITIGATION -> LEGAL;
            case ON_GOING -> overdue ? OVERDUE : DUE;
        };
    }
}
