package org.opendso.qualification;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.opendso.item.OpenItem;
import org.opendso.status.ItemStatus;
import org.opendso.ui.Translations;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Drafts the step-2 confirmation mail: the status, the comment and a table of the items, in one language. */
@Component
public class ConfirmationMails {

    private final Translations texts;

    ConfirmationMails(Translations texts) {
        this.texts = texts;
    }

    /** A draft the user edits before sending. */
    public record Draft(String subject, String bodyHtml) {
    }

    public Draft draft(String language, String companyName, String customerName, ItemStatus status, LocalDate date,
                       String comment, List<OpenItem> items) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String label = status == null ? "" : status.label(locale.getLanguage());
        String subject = texts.text("mail.confirmation.subject", language, companyName, label);
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(esc(texts.text("mail.confirmation.greeting", language, customerName))).append("</p>");
        body.append("<p>").append(esc(texts.text("mail.confirmation.intro", language, label,
                date == null ? "" : dates.format(date)))).append("</p>");
        if (comment != null && !comment.isBlank()) {
            body.append("<blockquote>").append(esc(comment.strip()).replace("\n", "<br>")).append("</blockquote>");
        }
        body.append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\">")
                .append("<thead><tr><th>").append(esc(texts.text("mail.confirmation.number", language)))
                .append("</th><th>").append(esc(texts.text("mail.confirmation.due-date", language)))
                .append("</th><th style=\"text-align:right\">").append(esc(texts.text("mail.confirmation.open-amount", language)))
                .append("</th></tr></thead><tbody>");
        for (OpenItem item : items) {
            NumberFormat money = NumberFormat.getCurrencyInstance(locale);
            try {
                money.setCurrency(java.util.Currency.getInstance(item.currency()));
            } catch (IllegalArgumentException unknownCurrency) {
                // keep the locale's currency symbol
            }
            body.append("<tr><td>").append(esc(item.number())).append("</td><td>")
                    .append(esc(dates.format(item.dueDate()))).append("</td><td style=\"text-align:right\">")
                    .append(esc(money.format(item.openAmount()))).append("</td></tr>");
        }
        body.append("</tbody></table>");
        body.append("<p>").append(esc(texts.text("mail.confirmation.closing", language, companyName))).append("</p>");
        return new Draft(subject, body.toString());
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
