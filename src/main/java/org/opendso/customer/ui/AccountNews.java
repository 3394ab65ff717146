package org.opendso.customer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventType;
import org.opendso.ui.Money;
import tools.jackson.databind.JsonNode;

/**
 * Events told as sentences in the reader's language: "Set INV-1, INV-2 to “Price dispute”" for the history, and
 * "Anna set 2 items to Price dispute" for the notification others get. The payload of each type is documented in
 * the OpenAPI document; a field missing from it only makes the sentence shorter.
 */
final class AccountNews {

    /** How many item numbers a sentence names before "and 3 more". */
    static final int NAMED_ITEMS = 4;

    private final Component texts;

    AccountNews(Component texts) {
        this.texts = texts;
    }

    /** What happened, for the history's "what" column (the actor has a column of its own). */
    String what(AccountEvent event) {
        JsonNode p = EventPayloads.read(event);
        List<String> numbers = EventPayloads.numbers(p);
        return switch (event.type()) {
            case ITEMS_QUALIFIED -> t("sheet.history.what.ITEMS_QUALIFIED", items(numbers), statusLabel(p.get("status")));
            case COMMENT_ADDED -> numbers.isEmpty() ? t("sheet.history.what.COMMENT_ADDED.account")
                    : t("sheet.history.what.COMMENT_ADDED.items", items(numbers));
            case MAIL_QUEUED -> t("sheet.history.what.MAIL_QUEUED", recipient(p), nz(text(p, "subject")));
            case MAIL_SENT -> t("sheet.history.what.MAIL_SENT", recipient(p));
            case MAIL_FAILED -> t("sheet.history.what.MAIL_FAILED", recipient(p));
            case ACTION_CREATED -> t("sheet.history.what.ACTION_CREATED", kind(p), items(numbers),
                    Money.date(EventPayloads.date(p.get("dueDate")), locale()),
                    nz(text(p, "assigneeName") == null ? text(p, "assignee") : text(p, "assigneeName")));
            case ACTION_COMPLETED -> t("sheet.history.what.ACTION_COMPLETED", kind(p), items(numbers));
            case ACTION_CANCELLED -> t("sheet.history.what.ACTION_CANCELLED", kind(p), items(numbers));
            case ITEMS_IMPORTED -> t("sheet.history.what.ITEMS_IMPORTED", count(p, "created"), count(p, "updated"),
                    count(p, "closed"));
            case CONTACT_CHANGED -> t("sheet.history.what.CONTACT_CHANGED");
            case ALERT_RAISED -> t("sheet.history.what.ALERT_RAISED", alert(p));
            case STATUS_REPLACED -> t("sheet.history.what.STATUS_REPLACED", statusLabel(p.get("from")),
                    statusLabel(p.get("to")));
            case ALERT_CLEARED -> t("sheet.history.what.ALERT_CLEARED", alert(p));
            case SCENARIO_ASSIGNED -> p.path("default").asBoolean(false)
                    ? t("sheet.history.what.SCENARIO_ASSIGNED.default", nz(text(p, "scenario")))
                    : t("sheet.history.what.SCENARIO_ASSIGNED", nz(text(p, "scenario")));
            case ACTION_PLANNED -> t("sheet.history.what.ACTION_PLANNED", collectionKind(p),
                    Money.date(EventPayloads.date(p.get("dueDate")), locale()));
            case ACTION_DONE -> text(p, "outcome") == null || text(p, "outcome").isBlank()
                    ? t("sheet.history.what.ACTION_DONE", collectionKind(p))
                    : t("sheet.history.what.ACTION_DONE.outcome", collectionKind(p), outcome(p));
            case ACTION_SKIPPED -> t("sheet.history.what.ACTION_SKIPPED", collectionKind(p));
            case ACTION_RESCHEDULED -> t("sheet.history.what.ACTION_RESCHEDULED", collectionKind(p),
                    Money.date(EventPayloads.date(p.get("dueDate")), locale()));
            case ACTION_REASSIGNED -> t("sheet.history.what.ACTION_REASSIGNED", collectionKind(p),
                    nz(text(p, "assigneeName") == null ? text(p, "assignee") : text(p, "assigneeName")));
            case ACTION_REPLACED -> t("sheet.history.what.ACTION_REPLACED", collectionKind(p),
                    text(p, "newKind") == null ? "" : t("sheet.collection.kind." + text(p, "newKind")));
            case CALL_LOGGED -> text(p, "retryOn") == null ? t("sheet.history.what.CALL_LOGGED", outcome(p))
                    : t("sheet.history.what.CALL_LOGGED.retry", outcome(p),
                            Money.date(EventPayloads.date(p.get("retryOn")), locale()));
            case LETTER_PRINTED -> "EMAIL".equals(text(p, "channel"))
                    ? t("sheet.history.what.LETTER_PRINTED.email", nz(text(p, "subject")), nz(text(p, "to")))
                    : t("sheet.history.what.LETTER_PRINTED", nz(text(p, "subject")));
            case CUSTOMER_COMMENT_RECEIVED -> t("sheet.history.what.CUSTOMER_COMMENT_RECEIVED." + submissionKind(p),
                    items(numbers), Money.date(EventPayloads.date(p.get("promisedDate")), locale()));
            case CUSTOMER_COMMENT_VALIDATED -> t("sheet.history.what.CUSTOMER_COMMENT_VALIDATED", items(numbers));
            case CUSTOMER_COMMENT_REJECTED -> t("sheet.history.what.CUSTOMER_COMMENT_REJECTED", items(numbers));
            case PORTAL_LINK_CREATED -> t("sheet.history.what.PORTAL_LINK_CREATED", nz(text(p, "contact")),
                    Money.date(EventPayloads.date(p.get("expiresOn")), locale()));
            case PORTAL_LINK_REVOKED -> t("sheet.history.what.PORTAL_LINK_REVOKED", nz(text(p, "contact")));
            case DOCUMENT_ATTACHED -> t("sheet.history.what.DOCUMENT_ATTACHED", items(numbers), nz(text(p, "fileName")));
            case CREDIT_LIMIT_CHANGED -> text(p, "creditLimit") == null
                    ? t("sheet.history.what.CREDIT_LIMIT_CHANGED.none")
                    : t("sheet.history.what.CREDIT_LIMIT_CHANGED", text(p, "creditLimit"), nz(text(p, "currency")));
        };
    }

    /** The free text that came with the event (comment, action note), or empty. */
    String detail(AccountEvent event) {
        JsonNode p = EventPayloads.read(event);
        return switch (event.type()) {
            case ITEMS_QUALIFIED, COMMENT_ADDED, CUSTOMER_COMMENT_RECEIVED -> nz(text(p, "comment"));
            case CUSTOMER_COMMENT_REJECTED -> nz(text(p, "reason"));
            case ACTION_CREATED -> nz(text(p, "note"));
            case ACTION_COMPLETED -> nz(text(p, "completionNote"));
            case MAIL_FAILED -> nz(text(p, "error"));
            case ACTION_DONE, ACTION_SKIPPED, ACTION_RESCHEDULED, ACTION_REPLACED, CALL_LOGGED -> nz(text(p, "note"));
            default -> "";
        };
    }

    /** The notification someone else's change gives: "Anna set 2 items to Price dispute". */
    String news(AccountEvent event) {
        JsonNode p = EventPayloads.read(event);
        List<String> numbers = EventPayloads.numbers(p);
        String actor = nz(event.actorName());
        return switch (event.type()) {
            case ITEMS_QUALIFIED -> numbers.size() == 1
                    ? t("sheet.news.ITEMS_QUALIFIED.one", actor, numbers.getFirst(), statusLabel(p.get("status")))
                    : t("sheet.news.ITEMS_QUALIFIED.many", actor, numbers.size(), statusLabel(p.get("status")));
            case COMMENT_ADDED -> numbers.isEmpty() ? t("sheet.news.COMMENT_ADDED.account", actor)
                    : t("sheet.news.COMMENT_ADDED.items", actor, items(numbers));
            case MAIL_QUEUED -> t("sheet.news.MAIL_QUEUED", actor, recipient(p));
            case ACTION_CREATED -> t("sheet.news.ACTION_CREATED", actor, kind(p));
            case ACTION_COMPLETED -> t("sheet.news.ACTION_COMPLETED", actor, kind(p));
            case ACTION_CANCELLED -> t("sheet.news.ACTION_CANCELLED", actor, kind(p));
            case ITEMS_IMPORTED -> t("sheet.news.ITEMS_IMPORTED", actor, count(p, "created"), count(p, "updated"),
                    count(p, "closed"));
            case CONTACT_CHANGED -> t("sheet.news.CONTACT_CHANGED", actor);
            default -> t("sheet.news.other", actor, what(event));
        };
    }

    String typeLabel(EventType type) {
        return t("sheet.history.type." + type.name());
    }

    /** "INV-1, INV-2 and 3 more". */
    String items(List<String> numbers) {
        if (numbers.isEmpty()) {
            return t("sheet.items.none");
        }
        if (numbers.size() <= NAMED_ITEMS) {
            return String.join(", ", numbers);
        }
        return t("sheet.items.more", String.join(", ", numbers.subList(0, NAMED_ITEMS - 1)),
                numbers.size() - NAMED_ITEMS + 1);
    }

    private String statusLabel(JsonNode status) {
        if (status == null || status.isNull()) {
            return "";
        }
        if (status.isString()) {
            return status.asString();
        }
        String label = EventPayloads.text(status.get("fr".equals(locale().getLanguage()) ? "labelFr" : "labelEn"));
        return label != null ? label : nz(EventPayloads.text(status.get("code")));
    }

    /** "Promise to pay not kept (INV-7)": the rule in the reader's language and what it is about. */
    private String alert(JsonNode p) {
        String rule = text(p, "rule");
        if (rule == null) {
            return nz(text(p, "message"));
        }
        JsonNode details = p.path("details");
        String about = EventPayloads.text(details.get("number"));
        if (about == null) {
            about = EventPayloads.text(details.get("to"));
        }
        String label = t("alerts.rule." + rule);
        return about == null ? label : label + " (" + about + ")";
    }

    private String kind(JsonNode p) {
        String kind = text(p, "kind");
        return kind == null ? "" : t("sheet.actions.kind." + kind);
    }

    /** What came of an action or a call: the known codes (call outcomes, letter channels) read as words. */
    private String outcome(JsonNode p) {
        String code = nz(text(p, "outcome"));
        if (code.isBlank()) {
            return "";
        }
        String label = t("sheet.outcome." + code);
        return label.startsWith("!{") ? code : label;
    }

    /** A collection action's kind (EMAIL, LETTER, CALL, INTERNAL_TASK, OLD_ITEMS_WARNING). */
    private String collectionKind(JsonNode p) {
        String kind = text(p, "kind");
        return kind == null ? "" : t("sheet.collection.kind." + kind);
    }

    /** COMMENT, PROMISE or DISPUTE: what a customer sent from the portal. */
    private static String submissionKind(JsonNode p) {
        String kind = text(p, "kind");
        return kind == null ? "COMMENT" : kind;
    }

    private static String recipient(JsonNode p) {
        String name = text(p, "toName");
        return nz(name == null ? text(p, "to") : name);
    }

    private static int count(JsonNode p, String field) {
        return p.path(field).asInt(0);
    }

    private static String text(JsonNode p, String field) {
        return EventPayloads.text(p.get(field));
    }

    private Locale locale() {
        UI ui = texts.getUI().orElse(UI.getCurrent());
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    private String t(String key, Object... args) {
        return texts.getTranslation(key, args);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
