package org.opendso.customer.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.opendso.item.ItemQualification;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.realtime.AccountEvent;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the views need from event payloads, so that a change redraws its rows without a query. Lenient on
 * purpose: a payload written by an older or newer version of a feature must never break a live view.
 */
final class EventPayloads {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EventPayloads() {
    }

    static JsonNode read(AccountEvent event) {
        try {
            return MAPPER.readTree(event.payload());
        } catch (RuntimeException unreadable) {
            return MAPPER.createObjectNode();
        }
    }

    /** An item's state as ITEMS_QUALIFIED and COMMENT_ADDED carry it (see {@code Qualifications.itemJson}). */
    record ItemState(OpenItem.Key key, JsonNode json) {

        long version() {
            return json.path("version").asLong(-1);
        }

        /**
         * The row with this state applied. The payload has no id, issue date or reference (they never change
         * on a qualification), so those come from the row shown.
         */
        OpenItem applyTo(OpenItem row, Function<String, ItemStatus> statusByCode) {
            JsonNode s = json.get("status");
            ItemStatus status = s == null || s.isNull() ? null : status(s, statusByCode);
            ItemQualification q = new ItemQualification(status, date(json.get("statusDate")),
                    date(json.get("followUpDate")), text(json.get("lastComment")), text(json.get("changedBy")),
                    instant(json.get("changedAt")));
            return new OpenItem(row.id(), row.customerId(), row.type(), row.number(), row.issueDate(),
                    orElse(date(json.get("dueDate")), row.dueDate()), orElse(decimal(json.get("amount")), row.amount()),
                    orElse(decimal(json.get("openAmount")), row.openAmount()), row.currency(), row.reference(),
                    row.closedAt(), json.path("version").asLong(row.version()), q);
        }
    }

    static List<ItemState> items(JsonNode payload) {
        List<ItemState> states = new ArrayList<>();
        JsonNode items = payload.get("items");
        if (items == null || !items.isArray()) {
            return states;
        }
        for (JsonNode item : items) {
            String number = text(item.get("number"));
            if (number == null) {
                continue;
            }
            ItemType type;
            try {
                type = ItemType.valueOf(orElse(text(item.get("type")), ItemType.INVOICE.name()));
            } catch (IllegalArgumentException unknown) {
                continue;
            }
            states.add(new ItemState(new OpenItem.Key(type, number), item));
        }
        return states;
    }

    /** The item numbers an event is about, in payload order. */
    static List<String> numbers(JsonNode payload) {
        List<String> numbers = new ArrayList<>();
        JsonNode items = payload.get("items");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                String number = text(item.get("number"));
                if (number != null) {
                    numbers.add(number);
                }
            }
        }
        return numbers;
    }

    /** The account figures an ITEMS_IMPORTED event carries after the import; null when it has none. */
    record Figures(BigDecimal balance, BigDecimal overdue, int openItems, LocalDate oldestOverdue) {
    }

    static Figures figures(JsonNode payload) {
        BigDecimal balance = decimal(payload.get("balance"));
        BigDecimal overdue = decimal(payload.get("overdue"));
        if (balance == null || overdue == null) {
            return null;
        }
        return new Figures(balance, overdue, payload.path("openItems").asInt(0), date(payload.get("oldestOverdue")));
    }

    static ItemStatus status(JsonNode s, Function<String, ItemStatus> statusByCode) {
        String code = text(s.get("code"));
        ItemStatus known = code == null ? null : statusByCode.apply(code);
        if (known != null) {
            return known;
        }
        StatusCategory category;
        try {
            category = StatusCategory.valueOf(orElse(text(s.get("category")), StatusCategory.ON_GOING.name()));
        } catch (IllegalArgumentException unknown) {
            category = StatusCategory.ON_GOING;
        }
        String en = orElse(text(s.get("labelEn")), orElse(code, "?"));
        return new ItemStatus(0, code, en, orElse(text(s.get("labelFr")), en), category, 0, false, 0);
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    static LocalDate date(JsonNode node) {
        String s = text(node);
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static Instant instant(JsonNode node) {
        String s = text(node);
        try {
            return s == null || s.isBlank() ? null : Instant.parse(s);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString().strip());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
