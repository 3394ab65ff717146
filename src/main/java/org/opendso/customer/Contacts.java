package org.opendso.customer;

import java.util.Map;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Contacts of the customers a staff member may see. */
@Service
public class Contacts {

    private final DatabaseClient db;
    private final Customers customers;
    private final TransactionalOperator tx;

    private final EventLog events;

    Contacts(DatabaseClient db, Customers customers, TransactionalOperator tx, EventLog events) {
        this.events = events;
        this.db = db;
        this.customers = customers;
        this.tx = tx;
    }

    public Flux<Contact> of(Staff staff, long customerId) {
        return customers.find(staff, customerId).flatMapMany(c -> db.sql("""
                        select id, customer_id, name, role, email, phone, collection_contact, version
                        from contact where tenant_id = :tenant and customer_id = :customer
                        order by collection_contact desc, lower(name)""")
                .bind("tenant", staff.tenantId())
                .bind("customer", c.id())
                .map((row, meta) -> new Contact(
                        row.get("id", Long.class),
                        row.get("customer_id", Long.class),
                        row.get("name", String.class),
                        row.get("role", String.class),
                        row.get("email", String.class),
                        row.get("phone", String.class),
                        Boolean.TRUE.equals(row.get("collection_contact", Boolean.class)),
                        row.get("version", Long.class)))
                .all());
    }

    /**
     * Creates or updates a contact (optimistic: a stale version fails). Making one the collection contact
     * clears the flag on the others of that customer.
     */
    public Mono<Long> save(Staff staff, Contact contact) {
        if (contact.name() == null || contact.name().isBlank()) {
            return Mono.error(new IllegalArgumentException("A contact needs a name"));
        }
        Mono<Long> write = customers.find(staff, contact.customerId())
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("Unknown customer")))
                .flatMap(c -> contact.id() == null ? insert(staff, contact) : update(staff, contact))
                .flatMap(id -> !contact.collectionContact() ? Mono.just(id) : db.sql("""
                                update contact set collection_contact = false, version = version + 1
                                where tenant_id = :tenant and customer_id = :customer and id <> :id
                                  and collection_contact""")
                        .bind("tenant", staff.tenantId()).bind("customer", contact.customerId()).bind("id", id)
                        .then().thenReturn(id))
                .flatMap(id -> changed(staff, contact.customerId(), contact.id() == null ? "ADDED" : "UPDATED",
                        contact.name().strip()).thenReturn(id));
        return write.as(tx::transactional);
    }

    public Mono<Void> delete(Staff staff, long customerId, long contactId) {
        return customers.find(staff, customerId)
                .flatMap(c -> db.sql("delete from contact where tenant_id = :tenant and customer_id = :customer and id = :id returning name")
                        .bind("tenant", staff.tenantId()).bind("customer", c.id()).bind("id", contactId)
                        .map((row, meta) -> row.get("name", String.class)).one()
                        .flatMap(name -> changed(staff, c.id(), "DELETED", name)))
                .as(tx::transactional);
    }

    /** Everyone viewing the account sees the contact list change. */
    private Mono<Void> changed(Staff staff, long customerId, String change, String name) {
        return events.append(Actor.of(staff), staff.tenantId(), customerId, EventType.CONTACT_CHANGED,
                Map.of("change", change, "contact", name)).then();
    }

    private Mono<Long> insert(Staff staff, Contact c) {
        return db.sql("""
                        insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                        values (:tenant, :customer, :name, :role, :email, :phone, :cc) returning id""")
                .bind("tenant", staff.tenantId())
                .bind("customer", c.customerId())
                .bind("name", c.name().strip())
                .bind("role", nullToEmpty(c.role()))
                .bind("email", nullToEmpty(c.email()))
                .bind("phone", nullToEmpty(c.phone()))
                .bind("cc", c.collectionContact())
                .map((row, meta) -> row.get("id", Long.class))
                .one();
    }

    private Mono<Long> update(Staff staff, Contact c) {
        return db.sql("""
                        update contact set name = :name, role = :role, email = :email, phone = :phone,
                               collection_contact = :cc, version = version + 1
                        where tenant_id = :tenant and customer_id = :customer and id = :id and version = :version
                        returning id""")
                .bind("tenant", staff.tenantId())
                .bind("customer", c.customerId())
                .bind("id", c.id())
                .bind("version", c.version())
                .bind("name", c.name().strip())
                .bind("role", nullToEmpty(c.role()))
                .bind("email", nullToEmpty(c.email()))
                .bind("phone", nullToEmpty(c.phone()))
                .bind("cc", c.collectionContact())
                .map((row, meta) -> row.get("id", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                        "This contact was changed or deleted by someone else meanwhile; reload it.")));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
