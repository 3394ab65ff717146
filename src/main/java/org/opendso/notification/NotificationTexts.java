package org.opendso.notification;

import com.vaadin.flow.i18n.I18NProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opendso.ui.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The words of a notification in the reader's language, for the list, the toast and the mails (which are written
 * away from any browser, so the texts come from the application's bundles directly), and the address it opens.
 */
@Component
public class NotificationTexts {

    private final I18NProvider i18n;
    private final String publicUrl;

    NotificationTexts(I18NProvider i18n, @Value("${opendso.public-url:http://localhost:8080}") String publicUrl) {
        this.i18n = i18n;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** One line: who did what on which account. */
    public String text(UserNotification n, Locale locale) {
        JsonNode p = n.params();
        String customer = n.account() + " · " + n.customerName();
        return switch (n.kind()) {
            case DISPUTE_RAISED -> t(locale, "notifications.text.DISPUTE_RAISED", n.actorName(), items(p), customer,
                    status(p.get("status"), locale));
            case ACTION_ASSIGNED -> t(locale, "notifications.text.ACTION_ASSIGNED", n.actorName(), kind(p, locale),
                    customer, items(p), date(p, locale));
            case COLLECTION_ACTION_ASSIGNED -> t(locale, "notifications.text.COLLECTION_ACTION_ASSIGNED", n.actorName(),
                    customer);
        };
    }

    /** The comment or note that came with it ("" when none). */
    public String detail(UserNotification n) {
        JsonNode p = n.params();
        String s = n.kind() == NotificationKind.DISPUTE_RAISED ? text(p, "comment") : text(p, "note");
        return s == null ? "" : s;
    }

    public String kind(NotificationKind kind, Locale locale) {
        return t(locale, "notifications.kind." + kind.name());
    }

    public String subject(UserNotification n, Locale locale) {
        return t(locale, "notifications.mail.subject." + n.kind().name(), n.account() + " · " + n.customerName());
    }

    /** The address of the action it is about, else of the customer sheet (both need a login). */
    public String link(UserNotification n) {
        return publicUrl + "/" + route(n);
    }

    /** The route inside the application, for the list's links. */
    public static String route(UserNotification n) {
        return n.actionId() != null ? "actions/" + n.actionId()
                : "customers/" + URLEncoder.encode(n.account(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String t(Locale locale, String key, Object... params) {
        return i18n.getTranslation(key, locale, params);
    }

    private static String items(JsonNode p) {
        List<String> numbers = new ArrayList<>();
        JsonNode items = p.get("items");
        if (items != null && items.isArray()) {
            items.forEach(i -> numbers.add(i.asString()));
        }
        return String.join(", ", numbers);
    }

    private String status(JsonNode status, Locale locale) {
        if (status == null || status.isNull()) {
            return "";
        }
        String label = text(status, "fr".equals(locale.getLanguage()) ? "labelFr" : "labelEn");
        return label == null ? String.valueOf(text(status, "code")) : label;
    }

    private String kind(JsonNode p, Locale locale) {
        String kind = text(p, "kind");
        return kind == null ? "" : t(locale, "sheet.actions.kind." + kind);
    }

    private static String date(JsonNode p, Locale locale) {
        String d = text(p, "dueDate");
        return d == null ? "" : Money.date(LocalDate.parse(d), locale);
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p == null ? null : p.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
