package org.opendso.importer;

/**
 * Reads the date forms ERP exports use, {@code yyyy-MM-dd}, {@code dd/MM/yyyy}, {@code dd.MM.yyyy} (also
 * {@code dd-MM-yyyy} and one-digit day or month), ignoring a time part after the date, and appends
 * {@code yyyy-MM-dd} for COPY without creating a LocalDate per line. Two-digit years are refused: guessing
 * the century of a due date is how invoices end up in 1926.
 */
final class Dates {

    static final String EXPECTED = "expected yyyy-MM-dd, dd/MM/yyyy or dd.MM.yyyy";

    private Dates() {
    }

    /** Appends the date and returns true, or returns false leaving {@code out} untouched. */
    static boolean append(String text, StringBuilder out) {
        int end = text.length();
        // a time part ("2026-03-31 00:00:00", "2026-03-31T00:00") is dropped
        int cut = text.indexOf(' ');
        int t = text.indexOf('T');
        if (t > 0 && (cut < 0 || t < cut)) {
            cut = t;
        }
        if (cut > 0) {
            end = cut;
        }
        int year;
        int month;
        int day;
        if (end == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            year = digits(text, 0, 4);
            month = digits(text, 5, 7);
            day = digits(text, 8, 10);
        } else {
            int first = separator(text, 0, end);
            if (first < 1 || first > 2) {
                return false;
            }
            char sep = text.charAt(first);
            int second = separator(text, first + 1, end);
            if (second < 0 || text.charAt(second) != sep || second - first - 1 < 1 || second - first - 1 > 2
                    || end - second - 1 != 4) {
                return false;
            }
            day = digits(text, 0, first);
            month = digits(text, first + 1, second);
            year = digits(text, second + 1, end);
        }
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return false;
        }
        out.append(year).append('-');
        if (month < 10) {
            out.append('0');
        }
        out.append(month).append('-');
        if (day < 10) {
            out.append('0');
        }
        out.append(day);
        return true;
    }

    private static int separator(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '.' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    /** The number written by the digits in [from, to), or -1 if anything else is there. */
    private static int digits(String text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
