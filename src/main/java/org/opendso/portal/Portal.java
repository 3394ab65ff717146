package org.opendso.portal;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendso.item.ItemType;
import org.opendso.mail.MailOutbox;
import org.opendso.mail.OutgoingMail;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.status.StatusCategory;
import org.opendso.tenant.Companies;
import org.opendso.tenant.Logo;
import org.opendso.ui.Translations;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The customer's side of the portal. Every method starts from the token (re-checked each time: a link revoked while
 * the page is open stops working at the next click) and reads or writes only within that link's tenant and account;
 * ids coming from the browser (an item, a document) are only accepted when they belong to that account. What it
 * returns carries no status name, internal comment or staff name other than the collector's display name.
 */
@Service
public class Portal {

    public static final int MAX_COMMENT = 2000;
    public static final int MAX_ITEMS = 100;
    /** Messages one link may send per day: a customer's real needs are far below, a script's far above. */
    static final int MAX_PER_DAY = 50;
    /** How far ahead a customer may promise to pay. */
    static final int MAX_PROMISE_DAYS = 366;

    /** The events after which the portal page reads itself again (it never shows an event's payload as such). */
    public static final Set<EventType> VISIBLE_CHANGES = Set.of(EventType.CUSTOMER_COMMENT_RECEIVED,
            EventType.CUSTOMER_COMMENT_VALIDATED, EventType.CUSTOMER_COMMENT_REJECTED, EventType.ITEMS_QUALIFIED,
            EventType.ITEMS_IMPORTED, EventType.DOCUMENT_ATTACHED, EventType.PORTAL_LINK_REVOKED,
            EventType.STATUS_REPLACED);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final PortalLinks links;
    private final Companies companies;
    private final EventLog events;
    private final EventStreams streams;
    private final MailOutbox outbox;
    private final Translations texts;
    private final PublicUrl publicUrl;
    private final Clock clock;

    Portal(DatabaseClient db, TransactionalOperator tx, PortalLinks links, Companies companies, EventLog events,
           EventStreams streams, MailOutbox outbox, Translations texts, PublicUrl publicUrl, Optional<Clock> clock) {
        this.db = db;
        this.tx = tx;
        this.links = links;
        this.companies = companies;
        this.events = events;
        this.streams = streams;
        this.outbox = outbox;
        this.texts = texts;
        this.publicUrl = publicUrl;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** The page for this token: company, account, statement (open invoices and credit notes) and messages. */
    public Mono<PortalPage> page(String token, String client) {
        return links.open(token, client).flatMap(this::page);
    }

    private Mono<PortalPage> page(PortalAccess access) {
        LocalDate today = LocalDate.now(clock);
        Mono<String[]> head = db.sql("""
                        select t.name as company, t.logo is not null as has_logo,
                               coalesce(c.language, t.language) as language, c.name, c.account,
                               (select u.name from customer_assignment a join app_user u on u.id = a.user_id
                                 where a.customer_id = c.id and a.role = 'COLLECTOR' order by u.name limit 1) as collector
                        from customer c join tenant t on t.id = c.tenant_id
                        where c.id = :customer and c.tenant_id = :tenant""")
                .bind("customer", access.customerId())
                .bind("tenant", access.tenantId())
                .map((row, meta) -> new String[] {row.get("company", String.class),
                        String.valueOf(row.get("has_logo", Boolean.class)), row.get("language", String.class),
                        row.get("name", String.class), row.get("account", String.class),
                        row.get("collector", String.class)})
                .one();
        Mono<List<PortalItem>> items = db.sql("""
                        select o.id, o.type, o.number, o.issue_date, o.due_date, o.amount, o.open_amount, o.currency,
                               o.status_date, s.category, d.item_id is not null as has_document
                        from open_item o
                        left join item_status s on s.id = o.status_id
                        left join item_document d on d.item_id = o.id
                        where o.tenant_id = :tenant and o.customer_id = :customer and o.closed_at is null
                          and o.type in ('INVOICE', 'CREDIT_NOTE')
                        order by o.due_date, o.number""")
                .bind("tenant", access.tenantId())
                .bind("customer", access.customerId())
                .map((row, meta) -> item(row, today))
                .all().collectList();
        Mono<List<PortalMessage>> messages = db.sql("""
                        select p.id, p.kind, p.promised_date, p.comment, p.state, p.answer, p.created_at, p.decided_at,
                               array(select o.number from open_item o
                                     where o.id = any(p.item_ids) and o.customer_id = p.customer_id
                                     order by o.due_date, o.number) as numbers
                        from portal_submission p
                        where p.tenant_id = :tenant and p.customer_id = :customer
                        order by p.created_at desc, p.id desc limit 200""")
                .bind("tenant", access.tenantId())
                .bind("customer", access.customerId())
                .map((row, meta) -> message(row))
                .all().collectList();
        return Mono.zip(head, items, messages).map(t -> {
            String[] h = t.getT1();
            return new PortalPage(access, h[0], Boolean.parseBoolean(h[1]), h[2], h[3], h[4], h[5], t.getT2(), t.getT3());
        });
    }

    /**
     * Sends a customer's message on some of their open items, in one transaction: the submission, its
     * CUSTOMER_COMMENT_RECEIVED event (pushed to everyone viewing the account) and a mail to each collector of the
     * account. Refuses (with the field) items not on this account's statement, a missing or oversized text, a
     * promise without a date or in the past.
     */
    public Mono<PortalMessage> submit(String token, String client, NewSubmission s) {
        return links.open(token, client).flatMap(access -> validate(s).then(Mono.defer(() ->
                        sentToday(access).flatMap(n -> n >= MAX_PER_DAY
                                ? Mono.error(new InvalidPortalRequest("comment", "Too many messages today; "
                                        + "please write to your contact directly"))
                                : ownItems(access, s.itemIds()))
                        .flatMap(numbers -> insert(access, s, numbers)))))
                .as(tx::transactional);
    }

    /** The PDF of one of this account's items; empty when it has none (or the item is not this account's). */
    public Mono<ItemDocument> document(String token, String client, long itemId) {
        return links.open(token, client).flatMap(access -> db.sql("""
                        select d.item_id, o.type, o.number, d.file_name, d.size, d.uploaded_at, d.content
                        from item_document d join open_item o on o.id = d.item_id
                        where d.item_id = :item and d.tenant_id = :tenant and d.customer_id = :customer
                          and o.tenant_id = :tenant and o.customer_id = :customer""")
                .bind("item", itemId)
                .bind("tenant", access.tenantId())
                .bind("customer", access.customerId())
                .map((row, meta) -> Documents.document(row, true, false))
                .one());
    }

    /** The company's logo for the page of this token. */
    public Mono<Logo> logo(String token, String client) {
        return links.open(token, client).flatMap(access -> companies.logo(access.tenantId()));
    }

    /**
     * The account's events that change what the portal shows, from now on; the page reads itself again through the
     * token on each (so a revoked link shows the "no longer valid" page at once).
     */
    public Flux<AccountEvent> changes(PortalAccess access) {
        return streams.head(access.tenantId(), access.customerId())
                .flatMapMany(head -> streams.account(access.tenantId(), access.customerId(), head))
                .filter(e -> VISIBLE_CHANGES.contains(e.type()));
    }

    private Mono<Void> validate(NewSubmission s) {
        if (s == null || s.kind() == null) {
            return Mono.error(new InvalidPortalRequest("kind", "Choose: comment, promise to pay or dispute"));
        }
        if (s.itemIds() == null || s.itemIds().isEmpty()) {
            return Mono.error(new InvalidPortalRequest("items", "Choose at least one invoice"));
        }
        if (s.itemIds().size() > MAX_ITEMS || s.itemIds().stream().anyMatch(java.util.Objects::isNull)) {
            return Mono.error(new InvalidPortalRequest("items", "At most " + MAX_ITEMS + " invoices at once"));
        }
        String comment = s.comment() == null ? "" : s.comment().strip();
        if (comment.length() > MAX_COMMENT) {
            return Mono.error(new InvalidPortalRequest("comment", "At most " + MAX_COMMENT + " characters"));
        }
        if (s.kind() != SubmissionKind.PROMISE && comment.isEmpty()) {
            return Mono.error(new InvalidPortalRequest("comment", s.kind() == SubmissionKind.DISPUTE
                    ? "Give the reason of the dispute" : "Write your comment"));
        }
        if (s.kind() == SubmissionKind.PROMISE) {
            LocalDate today = LocalDate.now(clock);
            if (s.promisedDate() == null) {
                return Mono.error(new InvalidPortalRequest("promisedDate", "Give the date you will pay"));
            }
            if (s.promisedDate().isBefore(today) || s.promisedDate().isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
                return Mono.error(new InvalidPortalRequest("promisedDate",
                        "The payment date is between today and a year from now"));
            }
        } else if (s.promisedDate() != null) {
            return Mono.error(new InvalidPortalRequest("promisedDate", "Only a promise to pay has a date"));
        }
        return Mono.empty();
    }

    private Mono<Long> sentToday(PortalAccess access) {
        return db.sql("""
                        select count(*) as n from portal_submission
                        where link_id = :link and tenant_id = :tenant and created_at > now() - interval '1 day'""")
                .bind("link", access.linkId())
                .bind("tenant", access.tenantId())
                .map((row, meta) -> row.get("n", Long.class))
                .one();
    }

    /** The numbers of the given items, in statement order, if every one is an open item of this account. */
    private Mono<List<String>> ownItems(PortalAccess access, List<Long> ids) {
        Long[] distinct = new LinkedHashSet<>(ids).toArray(Long[]::new);
        return db.sql("""
                        select number from open_item
                        where tenant_id = :tenant and customer_id = :customer and id = any(:ids)
                          and closed_at is null and type in ('INVOICE', 'CREDIT_NOTE')
                        order by due_date, number""")
                .bind("tenant", access.tenantId())
                .bind("customer", access.customerId())
                .bind("ids", distinct)
                .map((row, meta) -> row.get("number", String.class))
                .all().collectList()
                .flatMap(numbers -> numbers.size() == distinct.length ? Mono.just(numbers)
                        : Mono.error(new InvalidPortalRequest("items", "Choose among the invoices of your statement")));
    }

    private Mono<PortalMessage> insert(PortalAccess access, NewSubmission s, List<String> numbers) {
        String comment = s.comment() == null ? "" : s.comment().strip();
        Long[] ids = new LinkedHashSet<>(s.itemIds()).toArray(Long[]::new);
        var spec = db.sql("""
                        insert into portal_submission (tenant_id, customer_id, link_id, contact_id, contact_name, kind,
                                                       item_ids, promised_date, comment)
                        values (:tenant, :customer, :link, :contact, :name, :kind, :ids, :date, :comment)
                        returning id, kind, promised_date, comment, state, answer, created_at, decided_at""")
                .bind("tenant", access.tenantId())
                .bind("customer", access.customerId())
                .bind("link", access.linkId())
                .bind("kind", s.kind().name())
                .bind("ids", ids)
                .bind("comment", comment);
        spec = access.contactId() == null ? spec.bindNull("contact", Long.class) : spec.bind("contact", access.contactId());
        spec = access.contactName() == null ? spec.bindNull("name", String.class) : spec.bind("name", access.contactName());
        spec = s.promisedDate() == null ? spec.bindNull("date", LocalDate.class) : spec.bind("date", s.promisedDate());
        return spec.map((row, meta) -> new PortalMessage(row.get("id", Long.class),
                        SubmissionKind.valueOf(row.get("kind", String.class)), numbers,
                        row.get("promised_date", LocalDate.class), row.get("comment", String.class),
                        SubmissionState.valueOf(row.get("state", String.class)), row.get("answer", String.class),
                        PortalLinks.instant(row.get("created_at", OffsetDateTime.class)),
                        PortalLinks.instant(row.get("decided_at", OffsetDateTime.class))))
                .one()
                .flatMap(message -> actor(access).flatMap(actor -> events.append(actor, access.tenantId(),
                                access.customerId(), EventType.CUSTOMER_COMMENT_RECEIVED, payload(message, access))
                        .then(mailCollectors(actor, access, message))
                        .thenReturn(message)));
    }

    /** Events name the customer: the contact the link was sent to, or the account. */
    private Mono<Actor> actor(PortalAccess access) {
        if (access.contactName() != null && !access.contactName().isBlank()) {
            return Mono.just(Actor.system(access.contactName() + " (customer)"));
        }
        return db.sql("select name from customer where id = :id and tenant_id = :tenant")
                .bind("id", access.customerId()).bind("tenant", access.tenantId())
                .map((row, meta) -> Actor.system(row.get("name", String.class) + " (customer)")).one();
    }

    static Map<String, Object> payload(PortalMessage m, PortalAccess access) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("submissionId", m.id());
        p.put("kind", m.kind().name());
        p.put("items", m.items().stream().map(n -> Map.of("number", n)).toList());
        p.put("promisedDate", m.promisedDate() == null ? null : m.promisedDate().toString());
        p.put("comment", m.comment());
        p.put("contact", access.contactName());
        return p;
    }

    /** One plain mail per collector of the account, in their language; every value escaped (text, not HTML). */
    private Mono<Void> mailCollectors(Actor actor, PortalAccess access, PortalMessage m) {
        return db.sql("""
                        select u.email, u.name, u.locale, c.name as customer, c.account
                        from customer_assignment a
                        join app_user u on u.id = a.user_id and u.tenant_id = :tenant
                        join customer c on c.id = a.customer_id and c.tenant_id = :tenant
                        where a.customer_id = :customer and a.role = 'COLLECTOR' and u.enabled
                          and u.email is not null and u.email <> ''""")
                .bind("tenant", access.tenantId())
                .bind("customer", access.customerId())
                .map((row, meta) -> new String[] {row.get("email", String.class), row.get("name", String.class),
                        row.get("locale", String.class), row.get("customer", String.class),
                        row.get("account", String.class)})
                .all()
                .concatMap(r -> outbox.queue(actor, access.tenantId(), access.customerId(), collectorMail(r, access, m)))
                .then();
    }

    OutgoingMail collectorMail(String[] r, PortalAccess access, PortalMessage m) {
        String lang = r[2];
        String who = access.contactName() == null ? r[3] : access.contactName() + " (" + r[3] + ")";
        String kind = texts.text("portal.mail.kind." + m.kind().name(), lang);
        String subject = texts.text("portal.mail.subject", lang, kind, r[3], r[4]);
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(esc(texts.text("portal.mail.intro", lang, who, kind))).append("</p>");
        body.append("<p>").append(esc(texts.text("portal.mail.items", lang, String.join(", ", m.items())))).append("</p>");
        if (m.promisedDate() != null) {
            body.append("<p>").append(esc(texts.text("portal.mail.date", lang, m.promisedDate().toString()))).append("</p>");
        }
        if (!m.comment().isEmpty()) {
            body.append("<blockquote style=\"white-space:pre-wrap\">").append(esc(m.comment())).append("</blockquote>");
        }
        body.append("<p>").append(esc(texts.text("portal.mail.decide", lang))).append(" ")
                .append(esc(publicUrl.of("/customers/" + r[4]))).append("</p>");
        return new OutgoingMail(r[0], r[1], subject, body.toString());
    }

    static String esc(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static PortalItem item(Readable row, LocalDate today) {
        ItemType type = ItemType.valueOf(row.get("type", String.class));
        String category = row.get("category", String.class);
        LocalDate due = row.get("due_date", LocalDate.class);
        BigDecimal open = row.get("open_amount", BigDecimal.class);
        CustomerStatus status = CustomerStatus.of(category == null ? null : StatusCategory.valueOf(category),
                type == ItemType.CREDIT_NOTE || open.signum() < 0, due.isBefore(today));
        return new PortalItem(row.get("id", Long.class), type, row.get("number", String.class),
                row.get("issue_date", LocalDate.class), due, row.get("amount", BigDecimal.class), open,
                row.get("currency", String.class).strip(), status,
                status == CustomerStatus.PAYMENT_PROMISED ? row.get("status_date", LocalDate.class) : null,
                Boolean.TRUE.equals(row.get("has_document", Boolean.class)));
    }

    private static PortalMessage message(Readable row) {
        String[] numbers = row.get("numbers", String[].class);
        return new PortalMessage(row.get("id", Long.class), SubmissionKind.valueOf(row.get("kind", String.class)),
                numbers == null ? List.of() : Arrays.asList(numbers), row.get("promised_date", LocalDate.class),
                row.get("comment", String.class), SubmissionState.valueOf(row.get("state", String.class)),
                row.get("answer", String.class), PortalLinks.instant(row.get("created_at", OffsetDateTime.class)),
                PortalLinks.instant(row.get("decided_at", OffsetDateTime.class)));
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }
}
