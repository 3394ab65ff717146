package org.opendso.importer;

import java.util.Locale;

/** Yes/no cells: yes/no, true/false, 1/0, oui/non, x (ticked) or blank (not ticked). */
final class Flags {

    static final String EXPECTED = "expected yes/no, true/false, 1/0, oui/non or x";

    private Flags() {
    }

    /** TRUE, FALSE, or null when the text is no flag. */
    static Boolean parse(String text) {
        return switch (Columns.normalize(text).toLowerCase(Locale.ROOT)) {
            case "", "no", "n", "false", "f", "0", "non" -> Boolean.FALSE;
            case "yes", "y", "true", "t", "1", "oui", "o", "x", "vrai" -> Boolean.TRUE;
            default -> "faux".equals(Columns.normalize(text)) ? Boolean.FALSE : null;
        };
    }
}
