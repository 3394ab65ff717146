package org.opendso.item.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendso.item.OpenItem;

/** An item as the API shows it, with its qualification; shared by the items list and qualification answers. */
public final class ItemJson {

    private ItemJson() {
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
