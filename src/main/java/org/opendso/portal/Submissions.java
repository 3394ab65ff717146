package org.opendso.portal;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.status.Statuses;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The staff's side of customers' submissions: listed on the account, then validated (it becomes a qualification of
 * its items, entered in the collector's name with the customer as its source) or rejected with a reason the
 * customer reads. A decision is made against the version seen and only once: a second one is a
 * {@link SubmissionDecided} with the current state. Decision, qualification and event are one transaction.
 */
@Service
public class Submissions {

    static final String PORTAL_SOURCE = "PORTAL";
    private static final String SELECT = """
            select p.id, p.customer_id, p.kind, p.promised_date, p.comment, p.contact_name, p.state, u.name as decided_by,
                   p.decided_at, p.answer, p.created_at, p.version,
                   array(select o.type from open_item o where o.id = any(p.item_ids) and o.customer_id = p.customer_id
                         order by o.due_date, o.number) as types,
                   array(select o.number from open_item o where o.id = any(p.item_ids) and o.customer_id = p.customer_id
                         order by o.due_date, o.number) as numbers
            from portal_submission p left join app_user u on u.id = p.decided_by
            """;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Customers customers;
    private final OpenItems openItems;
    private final Statuses statuses;
    private final Qualifications qualifications;
    private final EventLog events;

    Submissions(DatabaseClient db, TransactionalOperator tx, Customers customers, OpenItems openItems,
                Statuses statuses, Qualifications qualifications, EventLog events) {
        this.db = db;
        this.tx = tx;
        this.customers = customers;
        this.openItems = openItems;
        this.statuses = statuses;
        this.qualifications = qualifications;
        this.events = events;
    }

    /** The account's submissions, pending first, then newest first (at most 200). */
    public Flux<Submission> of(Staff staff, long customerId) {
        return visible(staff, customerId).flatMapMany(c -> db.sql(SELECT + """
                        where p.tenant_id = :tenant and p.customer_id = :customer
                        order by (p.state = 'PENDING') desc, p.created_at desc, p.id desc limit 200""")
                .bind("tenant", staff.tenantId())
                .bind("customer", c.id())
                .map((row, meta) -> submission(row))
                .all());
    }

    /** One submission of an account the staff member sees; {@link UnknownPortalLink} otherwise. */
    public Mono<Submission> one(Staff staff, long id) {
        return load(staff.tenantId(), id)
                .flatMap(s -> customers.find(staff, s.customerId()).thenReturn(s))
                .switchIfEmpty(Mono.error(() -> new UnknownPortalLink("No customer message " + id)));
    }

    /**
     * Accepts a customer's submission: a promise sets the company's promise-to-pay status with the promised date, a
     * dispute the chosen status of category DISPUTE (the first by default), a comment the comment (or the chosen
     * status); then CUSTOMER_COMMENT_VALIDATED. Items paid or changed meanwhile fail as the qualification does.
     */
    public Mono<Submission> validate(Staff staff, long id, SubmissionDecision decision) {
        String answer = decision.answer() == null ? "" : decision.answer().strip();
        if (answer.length() > Portal.MAX_COMMENT) {
            return Mono.error(new InvalidPortalRequest("answer", "At most " + Portal.MAX_COMMENT + " characters"));
        }
        return one(staff, id).flatMap(s -> claim(staff, s, decision.version(), SubmissionState.VALIDATED, answer)
                        .flatMap(claimed -> qualify(staff, claimed, decision.status())
                                .then(events.append(Actor.of(staff), staff.tenantId(), s.customerId(),
                                        EventType.CUSTOMER_COMMENT_VALIDATED, payload(claimed)))
                                .thenReturn(claimed)))
                .as(tx::transactional);
    }

    /** Turns a submission down with the reason the customer reads; CUSTOMER_COMMENT_REJECTED. */
    public Mono<Submission> reject(Staff staff, long id, long version, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            return Mono.error(new InvalidPortalRequest("reason", "Give the customer the reason"));
        }
        if (text.length() > Portal.MAX_COMMENT) {
            return Mono.error(new InvalidPortalRequest("reason", "At most " + Portal.MAX_COMMENT + " characters"));
        }
        return one(staff, id).flatMap(s -> claim(staff, s, version, SubmissionState.REJECTED, text)
                        .flatMap(claimed -> events.append(Actor.of(staff), staff.tenantId(), s.customerId(),
                                EventType.CUSTOMER_COMMENT_REJECTED, payload(claimed)).thenReturn(claimed)))
                .as(tx::transactional);
    }

    /** Decides the submission if it is still pending at that version; else explains with its current state. */
    private Mono<Submission> claim(Staff staff, Submission s, long version, SubmissionState state, String answer) {
        return db.sql("""
                        update portal_submission set state = :state, decided_by = :user, decided_at = now(),
                               answer = :answer, version = version + 1
                        where id = :id and tenant_id = :tenant and state = 'PENDING' and version = :version""")
                .bind("state", state.name())
                .bind("user", staff.userId())
                .bind("answer", answer)
                .bind("id", s.id())
                .bind("tenant", staff.tenantId())
                .bind("version", version)
                .fetch().rowsUpdated()
                .flatMap(n -> load(staff.tenantId(), s.id()).flatMap(current -> n == 1 ? Mono.just(current)
                        : Mono.error(new SubmissionDecided(current))));
    }

    private Mono<Void> qualify(Staff staff, Submission s, String chosen) {
        Qualification.Source source = new Qualification.Source(PORTAL_SOURCE, s.id(), s.contactName());
        return openItems.byKeys(staff.tenantId(), s.customerId(), s.items()).collectList().flatMap(items -> {
            List<Qualification.ItemRef> refs = items.stream()
                    .map(i -> new Qualification.ItemRef(i.type(), i.number(), i.version())).toList();
            String comment = s.comment().isBlank() ? "Promise to pay by " + s.promisedDate() : s.comment();
            return switch (s.kind()) {
                case PROMISE -> status(staff, StatusCategory.PROMISE_TO_PAY, null).flatMap(status ->
                        qualifications.qualify(staff, s.customerId(), new Qualification(refs, status.code(),
                                s.promisedDate(), comment, null, null, source))).then();
                case DISPUTE -> status(staff, StatusCategory.DISPUTE, chosen).flatMap(status ->
                        qualifications.qualify(staff, s.customerId(), new Qualification(refs, status.code(),
                                null, comment, null, null, source))).then();
                case COMMENT -> chosen == null || chosen.isBlank()
                        ? qualifications.comment(staff, s.customerId(), s.items(), comment, source).then()
                        : status(staff, null, chosen).flatMap(status -> qualifications.qualify(staff, s.customerId(),
                                new Qualification(refs, status.code(), null, comment, null, null, source))).then();
            };
        });
    }

    /** The chosen status (of that category when one is required), or the category's first. */
    private Mono<ItemStatus> status(Staff staff, StatusCategory category, String chosen) {
        if (chosen != null && !chosen.isBlank() && category != StatusCategory.PROMISE_TO_PAY) {
            return statuses.byCode(staff.tenantId(), Statuses.normaliseCode(chosen))
                    .filter(st -> category == null || st.category() == category)
                    .switchIfEmpty(Mono.error(() -> new InvalidPortalRequest("status", "No status '" + chosen + "'"
                            + (category == null ? "" : " of category " + category))));
        }
        return statuses.all(staff.tenantId()).filter(st -> st.category() == category).next()
                .switchIfEmpty(Mono.error(() -> new InvalidPortalRequest("status",
                        "The company has no status of category " + category)));
    }

    private Mono<Submission> load(long tenant, long id) {
        return db.sql(SELECT + " where p.tenant_id = :tenant and p.id = :id")
                .bind("tenant", tenant)
                .bind("id", id)
                .map((row, meta) -> submission(row))
                .one();
    }

    static Map<String, Object> payload(Submission s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("submissionId", s.id());
        p.put("kind", s.kind().name());
        p.put("items", s.items().stream().map(k -> Map.of("number", k.number())).toList());
        p.put("promisedDate", s.promisedDate() == null ? null : s.promisedDate().toString());
        p.put("state", s.state().name());
        if (s.state() == SubmissionState.REJECTED) {
            p.put("reason", s.answer());
        } else {
            p.put("answer", s.answer());
        }
        return p;
    }

    private static Submission submission(Readable row) {
        String[] types = row.get("types", String[].class);
        String[] numbers = row.get("numbers", String[].class);
        List<OpenItem.Key> keys = new java.util.ArrayList<>();
        for (int i = 0; numbers != null && i < numbers.length; i++) {
            keys.add(new OpenItem.Key(ItemType.valueOf(types[i]), numbers[i]));
        }
        return new Submission(row.get("id", Long.class), row.get("customer_id", Long.class),
                SubmissionKind.valueOf(row.get("kind", String.class)), List.copyOf(keys),
                row.get("promised_date", LocalDate.class), row.get("comment", String.class),
                row.get("contact_name", String.class), SubmissionState.valueOf(row.get("state", String.class)),
                row.get("decided_by", String.class), PortalLinks.instant(row.get("decided_at", OffsetDateTime.class)),
                row.get("answer", String.class), PortalLinks.instant(row.get("created_at", OffsetDateTime.class)),
                row.get("version", Long.class));
    }

    private Mono<Customer> visible(Staff staff, long customerId) {
        return customers.find(staff, customerId)
                .switchIfEmpty(Mono.error(() -> new UnknownPortalLink("No account " + customerId)));
    }
}
