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
    STATUS_REPLACED
}
