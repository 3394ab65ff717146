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
    LETTER_PRINTED
}
