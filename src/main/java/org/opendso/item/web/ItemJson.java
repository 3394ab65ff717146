package org.opendso.item.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendso.item.OpenItem;

/** An item as the API shows it, with its qualification; shared by the items list and qualification answers. */
public final class ItemJson {

    private ItemJson() {
    }

    /**
     * The item with its late-payment penalty and recovery indemnity (the items list); the qualification answers
     * leave them out.
     */
    public static Map<String, Object> of(OpenItem i, BigDecimal penalty, BigDecimal indemnity) {
        Map<String, Object> json = of(i);
        json.put("penalty", penalty);
        json.put("indemnity", indemnity);
        return json;
    }

    public static Map<String, Object> of(OpenItem i) {
        LocalDate today = LocalDate.now();
        var q = i.qualification();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("number", i.number());
        json.put("type", i.type().name());
        json.put("issueDate", i.issueDate());
        json.put("dueDate", i.dueDate());
        json.put("daysOverdue", i.daysOverdue(today));
        json.put("amount", i.amount());
        json.put("openAmount", i.openAmount());
        json.put("currency", i.currency());
        json.put("reference", i.reference());
        json.put("closedAt", i.closedAt() == null ? null : i.closedAt().toString());
        json.put("status", q.statusCode());
        json.put("statusCategory", q.status() == null ? null : q.status().category().name());
        json.put("statusDate", q.statusDate());
        json.put("followUpDate", q.followUpDate());
        json.put("lastComment", q.lastComment());
        json.put("version", i.version());
        return json;
    }
}
