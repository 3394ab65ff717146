package org.opendso.importer;

/**
 * Reads money the ways ERP exports write it and appends its canonical form ({@code -1234.56}) for COPY,
 * without building a BigDecimal per line.
 * <ul>
 * <li>Grouping: spaces, non-breaking spaces (U+00A0, U+202F), apostrophes, and whichever of {@code .} or
 * {@code ,} is not the decimal separator; groups must have three digits ({@code 1 234,56}, {@code 1.234,56},
 * {@code 1,234.56}, {@code 1'234.56}).</li>
 * <li>Decimal separator: with both {@code .} and {@code ,}, the last one; with one of them once, that one
 * ({@code 1234,5} and {@code 1234.5}); repeated, it groups ({@code 1.234.567}). So {@code 1,234} reads as
 * 1.234, not 1234: an ERP writing thousands without decimals is rarer than a French decimal comma, and the
 * ambiguity cannot be solved line by line.</li>
 * <li>Negative: a leading or trailing {@code -}, or parentheses; a currency symbol (€ $ £) is ignored.</li>
 * <li>At most 15 integer digits and 4 decimals (numeric(19,4)).</li>
 * </ul>
 */
final class Amounts {

    static final String EXPECTED = "expected e.g. 1234.56, 1 234,56, 1.234,56 or 1,234.56";

    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMALS = 4;

    private Amounts() {
    }

    /**
     * Appends the amount to {@code out}, negative when {@code negative} (whatever sign the file gives), and
     * returns true; returns false, leaving {@code out} as it was, when {@code text} is not an amount.
     */
    static boolean append(String text, boolean negative, StringBuilder out) {
        int start = 0;
        int end = text.length();
        boolean minus = false;
        // strip blanks, currency symbols and the sign forms around the digits
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            char first = text.charAt(start);
            char last = text.charAt(end - 1);
            if (isBlank(first) || isCurrency(first)) {
                start++;
                changed = true;
            } else if (isBlank(last) || isCurrency(last)) {
                end--;
                changed = true;
            } else if (first == '(' && last == ')' && end - start >= 2) {
                if (minus) {
                    return false;
                }
                minus = true;
                start++;
                end--;
                changed = true;
            } else if (first == '-' || first == '+' || first == '\u2212') {
                if (minus && first != '+') {
                    return false;
                }
                minus |= first != '+';
                start++;
                changed = true;
            } else if (last == '-' || last == '\u2212') {
                if (minus) {
                    return false;
                }
                minus = true;
                end--;
                changed = true;
            }
        }
        if (start >= end) {
            return false;
        }
        int lastDot = -1;
        int lastComma = -1;
        int dots = 0;
        int commas = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
                lastDot = i;
            } else if (c == ',') {
                commas++;
                lastComma = i;
            } else if (!(c >= '0' && c <= '9') && !isGrouping(c)) {
                return false;
            }
        }
        int decimal;
        if (dots > 0 && commas > 0) {
            decimal = Math.max(lastDot, lastComma);
            if ((decimal == lastDot ? dots : commas) != 1) {
                return false;
            }
        } else if (dots == 1) {
            decimal = lastDot;
        } else if (commas == 1) {
            decimal = lastComma;
        } else {
            decimal = -1; // none, or a repeated separator that groups
        }
        int intEnd = decimal < 0 ? end : decimal;
        // integer part: digits in groups of three after the first grouping separator
        int mark = out.length();
        if (minus || negative) {
            out.append('-');
        }
        int integerDigits = 0;
        int digitsSinceGroup = 0;
        boolean grouped = false;
        boolean leading = true;
        for (int i = start; i < intEnd; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digitsSinceGroup++;
                if (leading && c == '0') {
                    continue;
                }
                leading = false;
                integerDigits++;
                out.append(c);
            } else {
                // a grouping separator: the group before it is 1-3 digits if first, else exactly 3
                if (digitsSinceGroup == 0 || digitsSinceGroup > 3 || (grouped && digitsSinceGroup != 3)) {
                    return reset(out, mark);
                }
                grouped = true;
                digitsSinceGroup = 0;
            }
        }
        if (grouped && digitsSinceGroup != 3) {
            return reset(out, mark);
        }
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return reset(out, mark);
        }
        boolean anyDigit = digitsSinceGroup > 0 || grouped;
        if (integerDigits == 0) {
            out.append('0');
        }
        boolean nonZero = integerDigits > 0;
        if (decimal >= 0) {
            // decimals: trailing zeros beyond the 4th are harmless, other digits are not
            int lastSignificant = decimal;
            for (int i = decimal + 1; i < end; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return reset(out, mark);
                }
                if (c != '0') {
                    lastSignificant = i;
                    nonZero = true;
                }
                anyDigit = true;
            }
            if (lastSignificant - decimal > MAX_DECIMALS) {
                return reset(out, mark);
            }
            if (lastSignificant > decimal) {
                out.append('.');
                out.append(text, decimal + 1, lastSignificant + 1);
            }
        }
        if (!anyDigit) {
            return reset(out, mark);
        }
        if (!nonZero && (minus || negative)) {
            out.deleteCharAt(mark); // no "-0"
        }
        return true;
    }

    private static boolean reset(StringBuilder out, int mark) {
        out.setLength(mark);
        return false;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\t';
    }

    private static boolean isGrouping(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\'' || c == '\u2019';
    }

    private static boolean isCurrency(char c) {
        return c == '€' || c == '$' || c == '£';
    }
}
