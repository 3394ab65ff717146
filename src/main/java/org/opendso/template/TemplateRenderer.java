package org.opendso.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.opendso.item.OpenItem;

/**
 * Replaces the hashtags of a subject (plain text) and a body (HTML) by an account's values. Pure: the data is
 * gathered beforehand ({@link MergeData}).
 * <p>
 * In a body, every value is HTML-escaped (a customer called {@code <script>} stays text) and the tables and the logo
 * are HTML. In a subject, values go in as text, unescaped: a mail subject is not HTML, and escaping would show
 * {@code &amp;} to the reader.
 * <p>
 * Formats by the template's language, in the account's currency:
 * <ul>
 * <li>fr: {@code 1 234,56 €} (no-break spaces as the thousands separator and before the symbol, so an amount never
 *     wraps), dates {@code 15/01/2026};</li>
 * <li>en: {@code €1,234.56}, dates {@code 15 Jan 2026} (day, abbreviated month, year: unambiguous on both sides
 *     of the Atlantic).</li>
 * </ul>
 * #OldestDueDate is empty when nothing is overdue; #ContactName without a collection contact is the polite
 * "Sir or Madam" / "Madame, Monsieur"; #CompanyLogo without a logo is nothing.
 */
final class TemplateRenderer {

    /** What a preview shows for #PortalLink: the link is created for each recipient only when the mail is sent. */
    static final String PREVIEW_LINK_EN = "[personal portal link, created when the email is sent]";
    static final String PREVIEW_LINK_FR = "[lien personnel vers le portail, créé à l'envoi]";
    private static final char NBSP = '\u00a0';
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private TemplateRenderer() {
    }

    static Rendered render(String subject, String body, MergeData data) {
        Hashtags.check("subject", subject, true);
        Hashtags.check("body", body, false);
        return new Rendered(replace("subject", subject, data, true), replace("body", body, data, false), data.language());
    }

    private static String replace(String field, String text, MergeData data, boolean plainText) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 256);
        int from = 0;
        for (Hashtags.Token token : Hashtags.tokens(text)) {
            out.append(text, from, token.offset());
            out.append(value(token.hashtag(), data, plainText));
            from = token.end();
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private static String value(Hashtag hashtag, MergeData d, boolean plainText) {
        String lang = d.language();
        return switch (hashtag) {
            case OPEN_ITEMS_TABLE -> table(d.openItems(), d.today(), lang, false);
            case OVERDUE_ITEMS_TABLE -> table(d.openItems().stream().filter(i -> i.daysOverdue(d.today()) > 0
                    && i.openAmount().signum() > 0).toList(), d.today(), lang, true);
            case COMPANY_LOGO -> d.logo() == null ? "" : "<img src=\"data:" + escape(d.logo().contentType())
                    + ";base64," + Base64.getEncoder().encodeToString(d.logo().bytes()) + "\" alt=\""
                    + escape(d.companyName()) + "\" style=\"max-height:80px\">";
            case PORTAL_LINK -> portalLink(d, plainText);
            case COMPANY_ADDRESS -> plainText ? String.join(", ", d.companyAddress())
                    : String.join("<br>", d.companyAddress().stream().map(TemplateRenderer::escape).toList());
            default -> {
                String text = text(hashtag, d);
                yield plainText ? text : escape(text);
            }
        };
    }

    private static String text(Hashtag hashtag, MergeData d) {
        String lang = d.language();
        return switch (hashtag) {
            case CUSTOMER_NAME -> d.customerName();
            case CUSTOMER_ACCOUNT -> d.customerAccount();
            case CONTACT_NAME -> d.contactName() == null || d.contactName().isBlank()
                    ? ("fr".equals(lang) ? "Madame, Monsieur" : "Sir or Madam") : d.contactName();
            case BALANCE -> amount(d.balance(), d.currency(), lang);
            case OVERDUE_AMOUNT -> amount(d.overdueAmount(), d.currency(), lang);
            case OLDEST_DUE_DATE -> d.oldestDueDate() == null ? "" : date(d.oldestDueDate(), lang);
            case PENALTY_AMOUNT -> amount(d.penaltyAmount(), d.currency(), lang);
            case INDEMNITY_AMOUNT -> amount(d.indemnityAmount(), d.currency(), lang);
            case COMPANY_NAME -> d.companyName();
            case COLLECTOR_NAME -> d.collectorName();
            case COLLECTOR_EMAIL -> d.collectorEmail();
            case TODAY -> date(d.today(), lang);
            default -> throw new IllegalArgumentException(hashtag + " is not text");
        };
    }

    /** The link itself (a subject: its URL); in a preview, a note saying that the link is made on sending. */
    private static String portalLink(MergeData d, boolean plainText) {
        if (d.portalLink() == null) {
            String note = "fr".equals(d.language()) ? PREVIEW_LINK_FR : PREVIEW_LINK_EN;
            return plainText ? note : "<span class=\"portal-link-preview\">" + escape(note) + "</span>";
        }
        return plainText ? d.portalLink()
                : "<a href=\"" + escape(d.portalLink()) + "\">" + escape(d.portalLink()) + "</a>";
    }

    /** The items as an HTML table (inline styles: mail clients drop style sheets), or one sentence when there are none. */
    static String table(List<OpenItem> items, LocalDate today, String lang, boolean overdueOnly) {
        boolean fr = "fr".equals(lang);
        if (items.isEmpty()) {
            return "<p>" + (fr ? (overdueOnly ? "Aucune facture échue." : "Aucune pièce ouverte.")
                    : (overdueOnly ? "No overdue invoices." : "No open items.")) + "</p>";
        }
        String[] headers = fr
                ? new String[] {"N°", "Date d'émission", "Échéance", "Jours de retard", "Montant", "Reste dû"}
                : new String[] {"Number", "Issue date", "Due date", "Days overdue", "Amount", "Open amount"};
        String cell = "border:1px solid #ccc;padding:4px 8px";
        StringBuilder html = new StringBuilder("<table style=\"border-collapse:collapse\"><thead><tr>");
        for (int i = 0; i < headers.length; i++) {
            html.append("<th style=\"").append(cell).append(i >= 3 ? ";text-align:right" : ";text-align:left")
                    .append("\">").append(escape(headers[i])).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (OpenItem item : items) {
            html.append("<tr>")
                    .append(td(cell, false, item.number()))
                    .append(td(cell, false, date(item.issueDate(), lang)))
                    .append(td(cell, false, date(item.dueDate(), lang)))
                    .append(td(cell, true, String.valueOf(item.daysOverdue(today))))
                    .append(td(cell, true, amount(item.amount(), item.currency(), lang)))
                    .append(td(cell, true, amount(item.openAmount(), item.currency(), lang)))
                    .append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String td(String style, boolean right, String text) {
        return "<td style=\"" + style + (right ? ";text-align:right" : "") + "\">" + escape(text) + "</td>";
    }

    /** An amount in a currency as the language writes it: fr {@code 1 234,56 €}, en {@code €1,234.56}. */
    static String amount(BigDecimal amount, String currency, String lang) {
        BigDecimal value = (amount == null ? BigDecimal.ZERO : amount);
        Currency unit = currencyOf(currency);
        int digits = unit == null ? 2 : Math.max(0, unit.getDefaultFractionDigits());
        value = value.setScale(digits, RoundingMode.HALF_UP);
        boolean fr = "fr".equals(lang);
        Locale locale = fr ? Locale.FRANCE : Locale.UK;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if (fr) {
            symbols.setGroupingSeparator(NBSP);
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols);
        String number = format.format(value.abs());
        String symbol = unit == null ? (currency == null ? "" : currency.strip()) : unit.getSymbol(locale);
        String sign = value.signum() < 0 ? "-" : "";
        return fr ? sign + number + NBSP + symbol : sign + symbol + number;
    }

    static String date(LocalDate date, String lang) {
        return date == null ? "" : ("fr".equals(lang) ? FR_DATE : EN_DATE).format(date);
    }

    private static Currency currencyOf(String code) {
        try {
            return code == null ? null : Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
