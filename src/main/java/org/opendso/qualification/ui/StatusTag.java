package org.opendso.qualification.ui;

import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.ui.Tag;

/** A status as a coloured tag: the colour says the category, so disputes stand out in a long statement. */
public final class StatusTag {

    private StatusTag() {
    }

    public static Tag of(ItemStatus status, String language) {
        Tag tag = new Tag(status.label(language), tone(status.category()));
        tag.addClassName("status-tag");
        return tag;
    }

    public static String tone(StatusCategory category) {
        return switch (category) {
            case ON_GOING -> "primary";
            case PROMISE_TO_PAY -> "success";
            case DISPUTE -> "warning";
            case DISPUTE_RESOLVED -> "neutral";
            case LITIGATION -> "error";
        };
    }
}
