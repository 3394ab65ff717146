package org.opendso.alert.ui;

import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.opendso.alert.Alert;
import org.opendso.alert.AlertRule;
import org.opendso.ui.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An alert told in the reader's language: its rule, and the reason from the details the rule wrote. */
final class AlertTexts {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Component texts;

    AlertTexts(Component texts) {
        this.texts = texts;
    }

    String rule(AlertRule rule) {
        return texts.getTranslation("alerts.rule." + rule.name());
    }

    /** "INV-7: payment promised for 1 Mar 2026, still open (€1,200.00)". */
    String reason(Alert alert) {
        JsonNode d = read(alert.details());
        Locale locale = locale();
        String key = "alerts.reason." + alert.rule().name();
        return switch (alert.rule()) {
            case PROMISE_BROKEN -> texts.getTranslation(key, text(d, "number"), Money.date(date(d, "promisedDate"), locale),
                    amount(d, "openAmount", locale));
            case NO_ACTION -> texts.getTranslation(key, amount(d, "overdue", locale), Money.date(date(d, "since"), locale));
            case OLD_ITEM_WITHOUT_STATUS -> texts.getTranslation(key, text(d, "number"), Money.date(date(d, "dueDate"), locale),
                    amount(d, "openAmount", locale));
            case MAIL_FAILED -> texts.getTranslation(key, text(d, "to"), text(d, "error"));
        };
    }

    /** The badge's tooltip: one line per open alert. */
    String reasons(List<Alert> alerts) {
        return alerts.stream().map(a -> rule(a.rule()) + " — " + reason(a)).collect(Collectors.joining("\n"));
    }

    private Locale locale() {
        com.vaadin.flow.component.UI ui = texts.getUI().orElse(com.vaadin.flow.component.UI.getCurrent());
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json == null ? "{}" : json);
        } catch (RuntimeException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String text(JsonNode d, String field) {
        JsonNode n = d.get(field);
        return n == null || n.isNull() ? "" : n.asString();
    }

    private static LocalDate date(JsonNode d, String field) {
        String s = text(d, field);
        try {
            return s.isEmpty() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String amount(JsonNode d, String field, Locale locale) {
        String s = text(d, field);
        try {
            return s.isEmpty() ? "" : Money.format(new BigDecimal(s), text(d, "currency").strip(), locale);
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
