package org.opendso.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the {@code #Word} tokens of a template text. The rule:
 * <ul>
 * <li>a hashtag is {@code #} followed by an ASCII letter, then letters and digits: {@code #CustomerName};</li>
 * <li>{@code #} followed by anything else (a digit, a space, punctuation) is plain text: "invoice #123", "# 5";</li>
 * <li>{@code #} right after a letter, a digit or {@code &} is plain text too: "C#", "&amp;#x27;" (a character
 *     reference);</li>
 * <li>inside an HTML tag ({@code <...>}) nothing is a hashtag: {@code style="color:#a00"}, {@code href="#top"}.</li>
 * </ul>
 * Known words match exactly (case matters); anything else is reported with its position and, when one is close
 * enough, the known hashtag it probably means.
 */
final class Hashtags {

    private Hashtags() {
    }

    /** One {@code #Word} in a text, known or not; offset of the {@code #} from 0, line and column from 1. */
    record Token(String word, Hashtag hashtag, int offset, int line, int column) {

        int end() {
            return offset + 1 + word.length();
        }

        String tag() {
            return "#" + word;
        }
    }

    /** Every {@code #Word} token of the text, in order. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int line = 1;
        int lineStart = 0;
        boolean inTag = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '<' && i + 1 < text.length() && (isAsciiLetter(text.charAt(i + 1))
                    || text.charAt(i + 1) == '/' || text.charAt(i + 1) == '!')) {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            } else if (c == '#' && !inTag && i + 1 < text.length() && isAsciiLetter(text.charAt(i + 1))
                    && (i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '&'))) {
                int end = i + 1;
                while (end < text.length() && isAsciiLetterOrDigit(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i + 1, end);
                tokens.add(new Token(word, Hashtag.of(word), i, line, i - lineStart + 1));
                i = end - 1;
            }
        }
        return tokens;
    }

    /**
     * Checks a subject (plain text) or a body (HTML): the first unknown hashtag, or a table or image in a subject,
     * is a {@link HashtagProblem}.
     */
    static void check(String field, String text, boolean plainText) {
        for (Token token : tokens(text)) {
            if (token.hashtag() == null) {
                String suggestion = suggestion(token.word());
                throw new HashtagProblem("Unknown hashtag " + token.tag() + " in the " + field + " at line "
                        + token.line() + ", column " + token.column()
                        + (suggestion == null ? "" : "; did you mean " + suggestion + "?"),
                        token.tag(), field, token.line(), token.column(), token.offset(), suggestion);
            }
            if (plainText && token.hashtag().htmlOnly()) {
                throw new HashtagProblem(token.tag() + " is a table or an image and cannot be used in a " + field
                        + " (line " + token.line() + ", column " + token.column() + "); put it in the body",
                        token.tag(), field, token.line(), token.column(), token.offset(), null);
            }
        }
    }

    /**
     * The known hashtag closest to a misspelt word (edit distance, ignoring case), when it is close enough to be
     * what the writer meant: at most a third of the word's letters wrong, and at least one allowed.
     */
    static String suggestion(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        Hashtag best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Hashtag h : Hashtag.values()) {
            int d = distance(lower, h.word().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = h;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.max(word.length(), best.word().length()) / 3);
        return bestDistance <= allowed ? best.tag() : null;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment): "Todya" is one typo from "Today". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }
}
