package org.opendso.notification;

/** How a user wants their notifications by email. */
public enum EmailPreference {
    /** One mail per notification, within seconds (the default). */
    IMMEDIATE,
    /** One mail a day listing the day's notifications. */
    DAILY_DIGEST,
    NONE
}
