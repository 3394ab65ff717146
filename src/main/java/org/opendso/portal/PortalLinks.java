package org.opendso.portal;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Portal links: created for an account (and one of its contacts) by a staff member who sees it, or by the sending of
 * an email whose template has #PortalLink; listed and revoked from the customer sheet; and opened by a customer's
 * token. Opening checks, in this order: the rate limit, the token's shape, its hash among the links, not revoked,
 * not expired. Every refusal is logged with the token's first characters only. Decision 0018.
 */
@Service
public class PortalLinks {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 365;
    private static final int MAX_LISTED = 200;
    private static final Logger log = LoggerFactory.getLogger(PortalLinks.class);

    private static final String COLUMNS = """
            l.id, l.customer_id, l.contact_id, l.contact_name, l.contact_email, cu.name as created_by_name,
            l.created_at, l.expires_at, l.revoked_at, ru.name as revoked_by_name, l.last_used_at""";
    private static final String FROM = """
             from portal_link l left join app_user cu on cu.id = l.created_by
             left join app_user ru on ru.id = l.revoked_by""";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Customers customers;
    private final EventLog events;
    private final PortalAttempts attempts;
    private final PublicUrl publicUrl;

    PortalLinks(DatabaseClient db, TransactionalOperator tx, Customers customers, EventLog events,
                PortalAttempts attempts, PublicUrl publicUrl) {
        this.db = db;
        this.tx = tx;
        this.customers = customers;
        this.events = events;
        this.attempts = attempts;
        this.publicUrl = publicUrl;
    }

    /** A new link to an account the staff member sees, for one of its contacts ({@code contactId} null: the account). */
    public Mono<IssuedPortalLink> create(Staff staff, long customerId, Long contactId) {
        return visible(staff, customerId)
                .flatMap(customer -> (contactId == null ? Mono.just(Recipient.NONE) : contact(staff.tenantId(),
                        customer.id(), "id = :key", contactId)
                        .switchIfEmpty(Mono.error(() -> new InvalidPortalRequest("contact",
                                "No contact " + contactId + " on account " + customer.account()))))
                        .flatMap(recipient -> insert(Actor.of(staff), staff.tenantId(), customer, recipient)))
                .as(tx::transactional);
    }

    /**
     * A link for the recipient of a mail about to be queued, in the caller's transaction: scoped to the contact of
     * the account with that address, or to the account when none has it (e.g. the account's own address).
     */
    public Mono<IssuedPortalLink> forRecipient(Staff staff, Actor actor, long customerId, String email) {
        return visible(staff, customerId).flatMap(customer -> contact(staff.tenantId(), customer.id(),
                        "lower(email) = lower(:key)", email == null ? "" : email.strip())
                .defaultIfEmpty(Recipient.NONE)
                .flatMap(recipient -> insert(actor, staff.tenantId(), customer, recipient)));
    }

    /** The account's links, newest first (at most 200). */
    public Flux<PortalLink> of(Staff staff, long customerId) {
        return visible(staff, customerId).flatMapMany(c -> db.sql("select " + COLUMNS + " " + FROM
                        + " where l.tenant_id = :tenant and l.customer_id = :customer order by l.created_at desc, l.id desc"
                        + " limit " + MAX_LISTED)
                .bind("tenant", staff.tenantId())
                .bind("customer", c.id())
                .map(PortalLinks::link)
                .all());
    }

    /** Revokes a link of the account at once (a revoked link stays revoked: revoking again changes nothing). */
    public Mono<PortalLink> revoke(Staff staff, long customerId, long linkId) {
        return visible(staff, customerId).flatMap(c -> db.sql("""
                                update portal_link set revoked_at = now(), revoked_by = :user
                                where id = :id and tenant_id = :tenant and customer_id = :customer and revoked_at is null
                                returning id""")
                        .bind("user", staff.userId())
                        .bind("id", linkId)
                        .bind("tenant", staff.tenantId())
                        .bind("customer", c.id())
                        .map((row, meta) -> row.get("id", Long.class))
                        .one()
                        .flatMap(id -> one(staff.tenantId(), c.id(), id)
                                .flatMap(link -> events.append(Actor.of(staff), staff.tenantId(), c.id(),
                                        EventType.PORTAL_LINK_REVOKED, payload(link, c)).thenReturn(link)))
                        .switchIfEmpty(Mono.defer(() -> one(staff.tenantId(), c.id(), linkId)))
                        .switchIfEmpty(Mono.error(() -> new UnknownPortalLink("No portal link " + linkId
                                + " on account " + c.account()))))
                .as(tx::transactional);
    }

    /**
     * What a customer's token opens, checked now: {@link TooManyAttempts} when this client or token prefix failed
     * too often, {@link InvalidPortalLink} for a token that opens nothing. {@code client} is the caller's address.
     */
    public Mono<PortalAccess> open(String token, String client) {
        String prefix = PortalToken.prefix(token);
        if (attempts.blocked(client, prefix)) {
            log.warn("Portal attempt refused (rate limit): token {}…, client {}", prefix, client);
            return Mono.error(new TooManyAttempts());
        }
        if (!PortalToken.wellFormed(token)) {
            return refuse(InvalidPortalLink.Reason.MALFORMED, prefix, client);
        }
        byte[] hash = PortalToken.hash(token);
        return db.sql("""
                        select id, tenant_id, customer_id, contact_id, contact_name, token_hash, expires_at <= now() as expired,
                               revoked_at is not null as revoked
                        from portal_link where token_hash = :hash""")
                .bind("hash", ByteBuffer.wrap(hash))
                .map((row, meta) -> new Found(row.get("id", Long.class), row.get("tenant_id", Long.class),
                        row.get("customer_id", Long.class), row.get("contact_id", Long.class),
                        row.get("contact_name", String.class), bytes(row.get("token_hash", ByteBuffer.class)),
                        Boolean.TRUE.equals(row.get("expired", Boolean.class)),
                        Boolean.TRUE.equals(row.get("revoked", Boolean.class))))
                .one()
                .flatMap(found -> {
                    // the index found the row by its hash; comparing again without early exit costs nothing
                    if (!MessageDigest.isEqual(found.hash(), hash)) {
                        return refuse(InvalidPortalLink.Reason.UNKNOWN, prefix, client);
                    }
                    if (found.revoked()) {
                        return refuse(InvalidPortalLink.Reason.REVOKED, prefix, client);
                    }
                    // the database's clock decides, as it set the expiry
                    if (found.expired()) {
                        return refuse(InvalidPortalLink.Reason.EXPIRED, prefix, client);
                    }
                    return used(found.id()).thenReturn(new PortalAccess(found.tenantId(), found.customerId(),
                            found.id(), found.contactId(), found.contactName()));
                })
                .switchIfEmpty(Mono.defer(() -> refuse(InvalidPortalLink.Reason.UNKNOWN, prefix, client)));
    }

    /** How many days a new link of the company is valid. */
    public Mono<Integer> linkDays(long tenantId) {
        return db.sql("select portal_link_days from tenant where id = :id").bind("id", tenantId)
                .map((row, meta) -> row.get("portal_link_days", Integer.class)).one()
                .defaultIfEmpty(DEFAULT_DAYS);
    }

    /** Changes how long new links are valid (links already sent keep their date); administrators only. */
    public Mono<Integer> changeLinkDays(Staff admin, int days) {
        if (!admin.isAdmin()) {
            return Mono.error(new AccessDeniedException("Only an administrator changes the portal settings"));
        }
        if (days < 1 || days > MAX_DAYS) {
            return Mono.error(new InvalidPortalRequest("linkDays",
                    "A portal link is valid 1 to " + MAX_DAYS + " days, not " + days));
        }
        return db.sql("update tenant set portal_link_days = :days where id = :id")
                .bind("days", days).bind("id", admin.tenantId())
                .fetch().rowsUpdated()
                .then(linkDays(admin.tenantId()));
    }

    /** Who a link is for: a contact of the account, or nobody in particular ({@link #NONE}). */
    private record Recipient(Long id, String name, String email) {
        static final Recipient NONE = new Recipient(null, null, null);
    }

    private record Found(long id, long tenantId, long customerId, Long contactId, String contactName, byte[] hash,
                         boolean expired, boolean revoked) {
    }

    private Mono<IssuedPortalLink> insert(Actor actor, long tenant, Customer customer, Recipient recipient) {
        String token = PortalToken.generate();
        var spec = db.sql("""
                        insert into portal_link (tenant_id, customer_id, contact_id, contact_name, contact_email,
                                                 token_hash, created_by, expires_at)
                        select c.tenant_id, c.id, :contact, :name, :email, :hash, :user,
                               now() + make_interval(days => t.portal_link_days)
                        from customer c join tenant t on t.id = c.tenant_id
                        where c.id = :customer and c.tenant_id = :tenant
                        returning id""")
                .bind("hash", ByteBuffer.wrap(PortalToken.hash(token)))
                .bind("customer", customer.id())
                .bind("tenant", tenant);
        spec = recipient.id() == null ? spec.bindNull("contact", Long.class) : spec.bind("contact", recipient.id());
        spec = recipient.name() == null ? spec.bindNull("name", String.class) : spec.bind("name", recipient.name());
        spec = recipient.email() == null ? spec.bindNull("email", String.class) : spec.bind("email", recipient.email());
        spec = actor.userId() == null ? spec.bindNull("user", Long.class) : spec.bind("user", actor.userId());
        return spec.map((row, meta) -> row.get("id", Long.class)).one()
                .flatMap(id -> one(tenant, customer.id(), id))
                .flatMap(link -> events.append(actor, tenant, customer.id(), EventType.PORTAL_LINK_CREATED,
                                payload(link, customer))
                        .thenReturn(new IssuedPortalLink(link, publicUrl.of("/portal/" + token))));
    }

    private Mono<Recipient> contact(long tenant, long customerId, String condition, Object key) {
        return db.sql("select id, name, email from contact where tenant_id = :tenant and customer_id = :customer and "
                        + condition + " order by collection_contact desc, id limit 1")
                .bind("tenant", tenant)
                .bind("customer", customerId)
                .bind("key", key)
                .map((row, meta) -> new Recipient(row.get("id", Long.class), row.get("name", String.class),
                        row.get("email", String.class)))
                .one();
    }

    private Mono<PortalLink> one(long tenant, long customerId, long id) {
        return db.sql("select " + COLUMNS + " " + FROM + " where l.tenant_id = :tenant and l.customer_id = :customer and l.id = :id")
                .bind("tenant", tenant)
                .bind("customer", customerId)
                .bind("id", id)
                .map(PortalLinks::link)
                .one();
    }

    /** Recorded at most once a minute: every click on the portal re-checks the token, and need not write each time. */
    private Mono<Void> used(long id) {
        return db.sql("""
                        update portal_link set last_used_at = now()
                        where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                .bind("id", id).fetch().rowsUpdated().then();
    }

    private <T> Mono<T> refuse(InvalidPortalLink.Reason reason, String prefix, String client) {
        attempts.failed(client, prefix);
        log.warn("Portal link refused ({}): token {}…, client {}", reason.name().toLowerCase(Locale.ROOT), prefix, client);
        return Mono.error(new InvalidPortalLink(reason));
    }

    private Mono<Customer> visible(Staff staff, long customerId) {
        return customers.find(staff, customerId)
                .switchIfEmpty(Mono.error(() -> new UnknownPortalLink("No account " + customerId)));
    }

    static Map<String, Object> payload(PortalLink link, Customer customer) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("linkId", link.id());
        p.put("contact", link.contactName() != null ? link.contactName()
                : link.contactEmail() != null ? link.contactEmail() : customer.name());
        p.put("expiresOn", link.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        return p;
    }

    private static PortalLink link(Readable row) {
        return new PortalLink(
                row.get("id", Long.class),
                row.get("customer_id", Long.class),
                row.get("contact_id", Long.class),
                row.get("contact_name", String.class),
                row.get("contact_email", String.class),
                row.get("created_by_name", String.class),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("expires_at", OffsetDateTime.class)),
                instant(row.get("revoked_at", OffsetDateTime.class)),
                row.get("revoked_by_name", String.class),
                instant(row.get("last_used_at", OffsetDateTime.class)));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }
}
