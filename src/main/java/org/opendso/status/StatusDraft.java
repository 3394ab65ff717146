package org.opendso.status;

/**
 * A status as an administrator writes it: a new one, or the new values of an existing one (whose code never
 * changes, so {@code code} is read on creation only). A null follow-up delay means the default, 7 days.
 */
public record StatusDraft(String code, String labelEn, String labelFr, StatusCategory category, Integer followUpDays) {
}
