package org.opendso.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * Reads open items. Callers pass a customer id they obtained from the customer service, which has
 * already checked that the staff member may see that account; the tenant is checked again here.
 */
@Service
public class OpenItems {

    private final DatabaseClient db;

    OpenItems(DatabaseClient db) {
        this.db = db;
    }

    public Flux<OpenItem> ofCustomer(long tenantId, long customerId, ItemFilter filter) {
        String state = switch (filter) {
            case OPEN -> " and closed_at is null";
            case CLOSED -> " and closed_at is not null";
            case ALL -> "";
        };
        return db.sql("""
                        select id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency,
                               reference, closed_at, version
                        from open_item
                        where tenant_id = :tenant and customer_id = :customer""" + state + " order by due_date, number")
                .bind("tenant", tenantId)
                .bind("customer", customerId)
                .map((row, meta) -> {
                    OffsetDateTime closed = row.get("closed_at", OffsetDateTime.class);
                    return new OpenItem(
                            row.get("id", Long.class),
                            row.get("customer_id", Long.class),
                            ItemType.valueOf(row.get("type", String.class)),
                            row.get("number", String.class),
                            row.get("issue_date", LocalDate.class),
                            row.get("due_date", LocalDate.class),
                            row.get("amount", BigDecimal.class),
                            row.get("open_amount", BigDecimal.class),
                            row.get("currency", String.class).strip(),
                            row.get("reference", String.class),
                            closed == null ? null : closed.toInstant(),
                            row.get("version", Long.class));
                })
                .all();
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
