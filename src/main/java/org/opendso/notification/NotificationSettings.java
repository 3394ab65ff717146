package org.opendso.notification;

/** A user's notification settings; {@code version} guards concurrent edits (0: never saved). */
public record NotificationSettings(EmailPreference email, long version) {
}
