package org.opendso.item;

import java.time.Instant;
import java.time.LocalDate;
import org.opendso.status.ItemStatus;

/**
 * What an item currently carries from collectors: its status (null when never qualified), the status date
 * (e.g. the promised payment date), the follow-up date, the last comment, and who changed it last and when.
 */
public record ItemQualification(
        ItemStatus status,
        LocalDate statusDate,
        LocalDate followUpDate,
        String lastComment,
        String changedBy,
        Instant changedAt) {

    public static final ItemQualification NONE = new ItemQualification(null, null, null, null, null, null);

    public String statusCode() {
        return status == null ? null : status.code();
    }
}
