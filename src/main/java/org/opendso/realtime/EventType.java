package org.opendso.realtime;

/** What happened on an account; the payload of each type is documented in the OpenAPI document. */
public enum EventType {
    ITEMS_QUALIFIED,
    COMMENT_ADDED,
    MAIL_QUEUED,
    MAIL_SENT,
    MAIL_FAILED,
    ACTION_CREATED,
    ACTION_COMPLETED,
    ACTION_CANCELLED,
    ITEMS_IMPORTED,
    CONTACT_CHANGED,
    ALERT_RAISED,
    ALERT_CLEARED,
    STATUS_REPLACED,
    SCENARIO_ASSIGNED,
    ACTION_PLANNED,
    ACTION_DONE,
    ACTION_SKIPPED,
    ACTION_RESCHEDULED,
    ACTION_REASSIGNED,
    ACTION_REPLACED,
    CALL_LOGGED,
    LETTER_PRINTED,
    /** A customer's comment, promise or dispute from the portal, waiting for a collector. */
    CUSTOMER_COMMENT_RECEIVED,
    /** A collector accepted a customer's submission: it became a qualification of its items. */
    CUSTOMER_COMMENT_VALIDATED,
    /** A collector turned a customer's submission down, with a reason the customer reads. */
    CUSTOMER_COMMENT_REJECTED,
    PORTAL_LINK_CREATED,
    PORTAL_LINK_REVOKED,
    /** A PDF copy of an invoice was attached (imported or uploaded). */
    DOCUMENT_ATTACHED,
    CREDIT_LIMIT_CHANGED
}
