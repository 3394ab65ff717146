package org.opendso.item;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import io.r2dbc.spi.Readable;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
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
            case OPEN -> " and o.closed_at is null";
            case CLOSED -> " and o.closed_at is not null";
            case ALL -> "";
        };
        return db.sql("select " + COLUMNS + """
                        from open_item o
                        left join item_status s on s.id = o.status_id
                        left join app_user u on u.id = o.changed_by
                        where o.tenant_id = :tenant and o.customer_id = :customer""" + state + " order by o.due_date, o.number")
                .bind("tenant", tenantId)
                .bind("customer", customerId)
                .map(OpenItems::item)
                .all();
    }

    /**
     * The open invoices past due on {@code today} of several accounts, in one query: what penalties are charged on,
     * e.g. for a page of the customer list.
     */
    public Flux<OpenItem> lateInvoices(long tenantId, java.util.Collection<Long> customerIds, java.time.LocalDate today) {
        if (customerIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("select " + COLUMNS + """
                         from open_item o
                         left join item_status s on s.id = o.status_id
                         left join app_user u on u.id = o.changed_by
                         where o.tenant_id = :tenant and o.customer_id = any(:customers)
                           and o.closed_at is null and o.type = 'INVOICE' and o.open_amount > 0 and o.due_date < :today""")
                .bind("tenant", tenantId)
                .bind("customers", customerIds.toArray(Long[]::new))
                .bind("today", today)
                .map(OpenItems::item)
                .all();
    }

    /** Items of one account by their keys (open or closed), e.g. to show the current state after a conflict. */
    public Flux<OpenItem> byKeys(long tenantId, long customerId, java.util.Collection<OpenItem.Key> keys) {
        return db.sql("select " + COLUMNS + """
                         from open_item o
                         left join item_status s on s.id = o.status_id
                         left join app_user u on u.id = o.changed_by
                         where o.tenant_id = :tenant and o.customer_id = :customer
                           and (o.type, o.number) in (select * from unnest(:types::text[], :numbers::text[]))
                         order by o.due_date, o.number""")
                .bind("tenant", tenantId)
                .bind("customer", customerId)
                .bind("types", keys.stream().map(k -> k.type().name()).toArray(String[]::new))
                .bind("numbers", keys.stream().map(OpenItem.Key::number).toArray(String[]::new))
                .map(OpenItems::item)
                .all();
    }

    /** The select list {@link #item} reads: open_item o, item_status s, app_user u. */
    public static final String COLUMNS = """
            o.id, o.customer_id, o.type, o.number, o.issue_date, o.due_date, o.amount, o.open_amount, o.currency,
            o.reference, o.closed_at, o.version, o.status_date, o.follow_up_date, o.last_comment, o.changed_at,
            u.name as changed_by_name, s.id as status_id, s.code as status_code, s.label_en as status_label_en,
            s.label_fr as status_label_fr, s.category as status_category, s.follow_up_days as status_follow_up_days,
            s.standard as status_standard, s.version as status_version
            """;

    public static OpenItem item(Readable row) {
        OffsetDateTime closed = row.get("closed_at", OffsetDateTime.class);
        Long statusId = row.get("status_id", Long.class);
        ItemStatus status = statusId == null ? null : new ItemStatus(statusId,
                row.get("status_code", String.class),
                row.get("status_label_en", String.class),
                row.get("status_label_fr", String.class),
                StatusCategory.valueOf(row.get("status_category", String.class)),
                row.get("status_follow_up_days", Integer.class),
                row.get("status_standard", Boolean.class),
                row.get("status_version", Long.class));
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
                instant(closed),
                row.get("version", Long.class),
                new ItemQualification(status,
                        row.get("status_date", LocalDate.class),
                        row.get("follow_up_date", LocalDate.class),
                        row.get("last_comment", String.class),
                        row.get("changed_by_name", String.class),
                        instant(row.get("changed_at", OffsetDateTime.class))));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
