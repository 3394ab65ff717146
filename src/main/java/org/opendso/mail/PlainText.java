package org.opendso.mail;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The plain-text alternative of a mail's HTML body, for mail readers that show no HTML: paragraphs and rows on
 * lines of their own, cells separated by tabs, tags dropped, entities decoded.
 */
final class PlainText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|blockquote|h[1-6]|table|ul|ol)\\s*>");
    private static final Pattern ROW_END = Pattern.compile("(?i)</(tr|li)\\s*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern BLOCK_START = Pattern.compile("(?i)<blockquote\\b[^>]*>");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(style|script|head)\\b.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private PlainText() {
    }

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = text.replaceAll("\\r?\\n", " ");
        text = BREAK.matcher(text).replaceAll("\n");
        text = BLOCK_START.matcher(text).replaceAll("\n> ");
        text = BLOCK_END.matcher(text).replaceAll("\n\n");
        text = ROW_END.matcher(text).replaceAll("\n");
        text = CELL_END.matcher(text).replaceAll("\t");
        text = TAG.matcher(text).replaceAll("");
        text = HtmlUtils.htmlUnescape(text);
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String l = line.replaceAll("[ \\u00a0]+", " ").replaceAll("[ \\t]+$", "").replaceAll("^ +", "");
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(l);
            blank = 0;
        }
        return out.toString();
    }
}
