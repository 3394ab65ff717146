package org.opendso.status.ui;

import org.opendso.status.StatusCategory;
import org.opendso.ui.Tag;

/** A status category as a coloured label, one colour per category wherever statuses are shown. */
public class CategoryTag extends Tag {

    public CategoryTag(StatusCategory category) {
        super("", tone(category));
        setText(getTranslation(key(category)));
    }

    /** The translation key of a category's name. */
    public static String key(StatusCategory category) {
        return "statuses.category." + category.name();
    }

    static String tone(StatusCategory category) {
        return switch (category) {
            case ON_GOING -> "primary";
            case PROMISE_TO_PAY -> "success";
            case DISPUTE -> "warning";
            case DISPUTE_RESOLVED -> "neutral";
            case LITIGATION -> "error";
        };
    }
}
