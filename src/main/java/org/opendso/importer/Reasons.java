package org.opendso.importer;

/** The problems of one line, joined with "; " so the user fixes them all at once. Reused from line to line. */
final class Reasons {

    private final StringBuilder text = new StringBuilder(128);

    void clear() {
        text.setLength(0);
    }

    void add(String reason) {
        if (!text.isEmpty()) {
            text.append("; ");
        }
        text.append(reason);
    }

    void empty(String column) {
        add(column + " is empty");
    }

    /** A line with more or fewer fields than the header. */
    void width(org.apache.commons.csv.CSVRecord record, HeaderMap header) {
        String width = LineFormat.width(record, header);
        if (width != null) {
            add(width);
        }
    }

    void required(String column, String value) {
        if (value.isEmpty()) {
            empty(column);
        }
    }

    void emailAddress(String value) {
        if (!value.isEmpty() && !email(value)) {
            add("email '%s' is not an email address".formatted(value));
        }
    }

    void bad(String column, String value, String what, String expected) {
        add("%s '%s' is not %s (%s)".formatted(column, value, what, expected));
    }

    boolean any() {
        return !text.isEmpty();
    }

    String text() {
        return text.toString();
    }

    /** A currency is three letters (ISO 4217); written upper-case. */
    static boolean currency(String value) {
        if (value.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** Enough of an address to reach someone: something@something, no blanks. */
    static boolean email(String value) {
        int at = value.indexOf('@');
        return at > 0 && at < value.length() - 1 && value.indexOf(' ') < 0 && value.indexOf('@', at + 1) < 0;
    }
}
