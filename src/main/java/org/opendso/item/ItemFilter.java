package org.opendso.item;

/** Which items of an account to list. */
public enum ItemFilter {
    OPEN, CLOSED, ALL;

    public static ItemFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return OPEN;
        }
        return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
