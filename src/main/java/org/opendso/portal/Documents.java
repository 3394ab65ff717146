package org.opendso.portal;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemType;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The PDF copies of items (decision 0018: in PostgreSQL, one per item, a new one replacing the old), attached by
 * staff who see the account and downloaded by them or, through the portal, by the customer.
 */
@Service
public class Documents {

    /** Invoices are a few hundred kilobytes; a scanned one a few megabytes. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Customers customers;
    private final EventLog events;

    Documents(DatabaseClient db, TransactionalOperator tx, Customers customers, EventLog events) {
        this.db = db;
        this.tx = tx;
        this.customers = customers;
        this.events = events;
    }

    /**
     * Attaches a PDF to an item of an account the staff member sees, replacing any earlier one, with its
     * DOCUMENT_ATTACHED event, in one transaction. Refuses what is not a PDF (by its first bytes), too large, or an
     * item that is not the account's.
     */
    public Mono<ItemDocument> attach(Staff staff, long customerId, ItemType type, String number, String fileName,
                                     byte[] content) {
        if (type == null || number == null || number.isBlank()) {
            return Mono.error(new InvalidPortalRequest("item", "Name the item: its type and number"));
        }
        if (content == null || content.length == 0) {
            return Mono.error(new InvalidPortalRequest("document", "The document is empty"));
        }
        if (content.length > MAX_BYTES) {
            return Mono.error(new InvalidPortalRequest("document", "A document has at most "
                    + (MAX_BYTES / 1024 / 1024) + " MB"));
        }
        if (!isPdf(content)) {
            return Mono.error(new InvalidPortalRequest("document", "Only PDF documents are accepted"));
        }
        String name = fileName(fileName, number);
        return visible(staff, customerId).flatMap(c -> db.sql("""
                                insert into item_document (item_id, tenant_id, customer_id, file_name, content_type,
                                                           content, size, uploaded_by)
                                select o.id, o.tenant_id, o.customer_id, :name, 'application/pdf', :content, :size, :user
                                from open_item o
                                where o.tenant_id = :tenant and o.customer_id = :customer and o.type = :type
                                  and o.number = :number
                                on conflict (item_id) do update set file_name = excluded.file_name,
                                    content = excluded.content, size = excluded.size,
                                    uploaded_by = excluded.uploaded_by, uploaded_at = now()
                                returning item_id""")
                        .bind("name", name)
                        .bind("content", ByteBuffer.wrap(content))
                        .bind("size", content.length)
                        .bind("user", staff.userId())
                        .bind("tenant", staff.tenantId())
                        .bind("customer", c.id())
                        .bind("type", type.name())
                        .bind("number", number.strip())
                        .map((row, meta) -> row.get("item_id", Long.class))
                        .one()
                        .switchIfEmpty(Mono.error(() -> new InvalidPortalRequest("item", "No "
                                + type.name().toLowerCase().replace('_', ' ') + " " + number + " on account " + c.account())))
                        .flatMap(id -> events.append(Actor.of(staff), staff.tenantId(), c.id(), EventType.DOCUMENT_ATTACHED,
                                        payload(type, number.strip(), name))
                                .then(info(staff.tenantId(), c.id()).filter(d -> d.itemId() == id).next())))
                .as(tx::transactional);
    }

    /** The account's documents (without their content), by item number. */
    public Flux<ItemDocument> of(Staff staff, long customerId) {
        return visible(staff, customerId).flatMapMany(c -> info(staff.tenantId(), c.id()));
    }

    /** One document with its content, of an account the staff member sees; empty when there is none. */
    public Mono<ItemDocument> content(Staff staff, long customerId, long itemId) {
        return visible(staff, customerId).flatMap(c -> db.sql("""
                        select d.item_id, o.type, o.number, d.file_name, d.size, d.uploaded_at, u.name as uploaded_by,
                               d.content
                        from item_document d join open_item o on o.id = d.item_id
                        left join app_user u on u.id = d.uploaded_by
                        where d.tenant_id = :tenant and d.customer_id = :customer and d.item_id = :item""")
                .bind("tenant", staff.tenantId())
                .bind("customer", c.id())
                .bind("item", itemId)
                .map((row, meta) -> document(row, true, true))
                .one());
    }

    private Flux<ItemDocument> info(long tenant, long customerId) {
        return db.sql("""
                        select d.item_id, o.type, o.number, d.file_name, d.size, d.uploaded_at, u.name as uploaded_by
                        from item_document d join open_item o on o.id = d.item_id
                        left join app_user u on u.id = d.uploaded_by
                        where d.tenant_id = :tenant and d.customer_id = :customer
                        order by o.number""")
                .bind("tenant", tenant)
                .bind("customer", customerId)
                .map((row, meta) -> document(row, false, true))
                .all();
    }

    static boolean isPdf(byte[] content) {
        if (content.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name as the customer will download it: no folders, no odd characters, ending in .pdf. */
    static String fileName(String given, String number) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        if (name.isEmpty() || name.equals(".pdf")) {
            name = number.strip().replaceAll("[^\\p{L}\\p{N}._-]", "_") + ".pdf";
        }
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            name = name + ".pdf";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static Map<String, Object> payload(ItemType type, String number, String fileName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("items", List.of(Map.of("number", number, "type", type.name())));
        p.put("fileName", fileName);
        return p;
    }

    static ItemDocument document(Readable row, boolean withContent, boolean withUploader) {
        byte[] content = null;
        if (withContent) {
            content = Portal.bytes(row.get("content", ByteBuffer.class));
        }
        // the portal's query does not read who uploaded: a customer sees no staff name
        String uploadedBy = withUploader ? row.get("uploaded_by", String.class) : null;
        return new ItemDocument(row.get("item_id", Long.class), ItemType.valueOf(row.get("type", String.class)),
                row.get("number", String.class), row.get("file_name", String.class), row.get("size", Integer.class),
                PortalLinks.instant(row.get("uploaded_at", OffsetDateTime.class)), uploadedBy, content);
    }

    private Mono<Customer> visible(Staff staff, long customerId) {
        return customers.find(staff, customerId)
                .switchIfEmpty(Mono.error(() -> new UnknownPortalLink("No account " + customerId)));
    }
}
