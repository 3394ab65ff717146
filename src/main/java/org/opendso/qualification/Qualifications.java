package org.opendso.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendso.action.NewSpecificAction;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActions;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.mail.MailOutbox;
import org.opendso.mail.OutgoingMail;
import org.opendso.realtime.AccountEvent;
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
import reactor.core.publisher.Mono;

/**
 * Qualifies items and comments on accounts. A qualification is one transaction: the items (only at the version
 * the user saw), its event, its confirmation mail and its specific action all exist, or none does. Callers pass a
 * customer id obtained from the customer service (visibility checked); the tenant is checked in every statement.
 */
@Service
public class Qualifications {

    static final int MAX_ITEMS = 1000;
    static final int MAX_COMMENT = 4000;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Statuses statuses;
    private final OpenItems openItems;
    private final EventLog events;
    private final MailOutbox outbox;
    private final SpecificActions actions;
    private final Clock clock;

    Qualifications(DatabaseClient db, TransactionalOperator tx, Statuses statuses, OpenItems openItems, EventLog events,
                   MailOutbox outbox, SpecificActions actions, java.util.Optional<Clock> clock) {
        this.db = db;
        this.tx = tx;
        this.statuses = statuses;
        this.openItems = openItems;
        this.events = events;
        this.outbox = outbox;
        this.actions = actions;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public Mono<QualificationResult> qualify(Staff staff, long customerId, Qualification q) {
        return validate(staff, q).flatMap(status -> {
            LocalDate today = LocalDate.now(clock);
            LocalDate statusDate = q.date() == null ? today : q.date();
            LocalDate followUp = status.category() == StatusCategory.PROMISE_TO_PAY
                    ? statusDate : today.plusDays(status.followUpDays());
            List<OpenItem.Key> keys = q.items().stream().map(i -> new OpenItem.Key(i.type(), i.number())).toList();
            Mono<QualificationResult> work = update(staff, customerId, q, status, statusDate, followUp)
                    .flatMap(updated -> updated == q.items().size() ? Mono.just(updated)
                            : Mono.error(new Rollback()))
                    .then(openItems.byKeys(staff.tenantId(), customerId, keys).collectList())
                    .flatMap(items -> events.append(Actor.of(staff), staff.tenantId(), customerId,
                                    EventType.ITEMS_QUALIFIED, payload(status, statusDate, followUp, q.comment(), items, q.source()))
                            .flatMap(event -> mail(staff, customerId, q)
                                    .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                    .flatMap(mailId -> action(staff, customerId, q, items)
                                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                            .map(action -> new QualificationResult(items, event.seq(),
                                                    mailId.orElse(null), action.orElse(null))))));
            return work.as(tx::transactional)
                    .onErrorResume(Rollback.class, e -> conflict(staff, customerId, q, keys));
        });
    }

    /** A comment without a status change, on some items of the account or on the account itself (no items). */
    public Mono<AccountEvent> comment(Staff staff, long customerId, List<OpenItem.Key> items, String comment) {
        return comment(staff, customerId, items, comment, null);
    }

    /** A comment whose words are not the user's own: {@code source} goes in the COMMENT_ADDED payload. */
    public Mono<AccountEvent> comment(Staff staff, long customerId, List<OpenItem.Key> items, String comment,
                                      Qualification.Source source) {
        if (comment == null || comment.isBlank()) {
            return Mono.error(new InvalidQualification("comment", "Write a comment"));
        }
        if (comment.length() > MAX_COMMENT) {
            return Mono.error(new InvalidQualification("comment", "A comment has at most " + MAX_COMMENT + " characters"));
        }
        String text = comment.strip();
        Mono<List<OpenItem>> touched = items.isEmpty() ? Mono.just(List.of()) : db.sql("""
                        update open_item o set last_comment = :comment, changed_by = :user, changed_at = now()
                        from unnest(cast(:types as text[]), cast(:numbers as text[])) as k(type, number)
                        where o.tenant_id = :tenant and o.customer_id = :customer
                          and o.type = k.type and o.number = k.number""")
                .bind("comment", text)
                .bind("user", staff.userId())
                .bind("types", items.stream().map(k -> k.type().name()).toArray(String[]::new))
                .bind("numbers", items.stream().map(OpenItem.Key::number).toArray(String[]::new))
                .bind("tenant", staff.tenantId())
                .bind("customer", customerId)
                .fetch().rowsUpdated()
                .flatMap(n -> n == items.size() ? openItems.byKeys(staff.tenantId(), customerId, items).collectList()
                        : Mono.error(new InvalidQualification("items", "Some items are not items of this account")));
        return touched.flatMap(list -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("comment", text);
                    p.put("items", list.stream().map(Qualifications::itemJson).toList());
                    if (source != null) {
                        p.put("source", Map.of("kind", source.kind(), "submissionId", source.submissionId(),
                                "contact", source.contact() == null ? "" : source.contact()));
                    }
                    return events.append(Actor.of(staff), staff.tenantId(), customerId, EventType.COMMENT_ADDED, p);
                })
                .as(tx::transactional);
    }

    private Mono<ItemStatus> validate(Staff staff, Qualification q) {
        if (q.items() == null || q.items().isEmpty()) {
            return Mono.error(new InvalidQualification("items", "Select at least one item"));
        }
        if (q.items().size() > MAX_ITEMS) {
            return Mono.error(new InvalidQualification("items", "At most " + MAX_ITEMS + " items at once"));
        }
        Set<OpenItem.Key> distinct = q.items().stream().map(i -> new OpenItem.Key(i.type(), i.number()))
                .collect(Collectors.toSet());
        if (distinct.size() != q.items().size()) {
            return Mono.error(new InvalidQualification("items", "An item is listed twice"));
        }
        if (q.status() == null || q.status().isBlank()) {
            return Mono.error(new InvalidQualification("status", "Choose a status"));
        }
        if (q.comment() == null || q.comment().isBlank()) {
            return Mono.error(new InvalidQualification("comment", "Write a comment"));
        }
        if (q.comment().length() > MAX_COMMENT) {
            return Mono.error(new InvalidQualification("comment", "A comment has at most " + MAX_COMMENT + " characters"));
        }
        if (q.mail() != null && (q.mail().to() == null || !q.mail().to().contains("@"))) {
            return Mono.error(new InvalidQualification("email.to", "The confirmation mail needs a recipient address"));
        }
        if (q.nextAction() != null && q.nextAction().dueDate() == null) {
            return Mono.error(new InvalidQualification("nextAction.dueDate", "The action needs a due date"));
        }
        return statuses.byCode(staff.tenantId(), q.status().strip())
                .switchIfEmpty(Mono.error(() -> new InvalidQualification("status", "No status '" + q.status() + "'")))
                .flatMap(status -> status.category() == StatusCategory.PROMISE_TO_PAY && q.date() == null
                        ? Mono.error(new InvalidQualification("date", "A promise to pay needs the promised payment date"))
                        : status.category() == StatusCategory.PROMISE_TO_PAY && q.date().isBefore(LocalDate.now(clock))
                        ? Mono.error(new InvalidQualification("date", "The promised payment date is in the past"))
                        : Mono.just(status));
    }

    private Mono<Long> update(Staff staff, long customerId, Qualification q, ItemStatus status, LocalDate statusDate,
                              LocalDate followUp) {
        return db.sql("""
                        update open_item o set status_id = :status, status_date = :date, follow_up_date = :followUp,
                               last_comment = :comment, changed_by = :user, changed_at = now(),
                               version = o.version + 1, updated_at = now()
                        from unnest(cast(:types as text[]), cast(:numbers as text[]), cast(:versions as bigint[]))
                             as k(type, number, version)
                        where o.tenant_id = :tenant and o.customer_id = :customer and o.type = k.type
                          and o.number = k.number and o.version = k.version and o.closed_at is null""")
                .bind("status", status.id())
                .bind("date", statusDate)
                .bind("followUp", followUp)
                .bind("comment", q.comment().strip())
                .bind("user", staff.userId())
                .bind("types", q.items().stream().map(i -> i.type().name()).toArray(String[]::new))
                .bind("numbers", q.items().stream().map(Qualification.ItemRef::number).toArray(String[]::new))
                .bind("versions", q.items().stream().map(Qualification.ItemRef::version).toArray(Long[]::new))
                .bind("tenant", staff.tenantId())
                .bind("customer", customerId)
                .fetch().rowsUpdated();
    }

    private Mono<Long> mail(Staff staff, long customerId, Qualification q) {
        if (q.mail() == null) {
            return Mono.empty();
        }
        var m = q.mail();
        return outbox.queue(Actor.of(staff), staff.tenantId(), customerId,
                new OutgoingMail(m.to().strip(), m.toName(), m.subject(), m.bodyHtml()));
    }

    private Mono<SpecificAction> action(Staff staff, long customerId, Qualification q, List<OpenItem> items) {
        if (q.nextAction() == null) {
            return Mono.empty();
        }
        var a = q.nextAction();
        return actions.create(staff, customerId, new NewSpecificAction(a.kind(), items.stream().map(OpenItem::id).toList(),
                a.assigneeId(), a.dueDate(), a.note()));
    }

    /** After a rollback: unknown items are the caller's mistake; the others changed under them. */
    private Mono<QualificationResult> conflict(Staff staff, long customerId, Qualification q, List<OpenItem.Key> keys) {
        return openItems.byKeys(staff.tenantId(), customerId, keys).collectList().flatMap(current -> {
            Map<OpenItem.Key, OpenItem> byKey = current.stream().collect(Collectors.toMap(OpenItem::key, i -> i));
            for (Qualification.ItemRef ref : q.items()) {
                if (!byKey.containsKey(new OpenItem.Key(ref.type(), ref.number()))) {
                    return Mono.error(new InvalidQualification("items",
                            "No " + ref.type().name().toLowerCase().replace('_', ' ') + " " + ref.number() + " on this account"));
                }
            }
            List<OpenItem> stale = q.items().stream()
                    .map(ref -> byKey.get(new OpenItem.Key(ref.type(), ref.number())))
                    .filter(item -> !item.isOpen() || q.items().stream().anyMatch(ref ->
                            ref.number().equals(item.number()) && ref.type() == item.type() && ref.version() != item.version()))
                    .toList();
            return Mono.error(new StaleItems(stale.isEmpty() ? current : stale));
        });
    }

    static Map<String, Object> payload(ItemStatus status, LocalDate date, LocalDate followUp, String comment,
                                       List<OpenItem> items) {
        return payload(status, date, followUp, comment, items, null);
    }

    /** With its source when the information is not the user's own (a customer's portal message they validated). */
    static Map<String, Object> payload(ItemStatus status, LocalDate date, LocalDate followUp, String comment,
                                       List<OpenItem> items, Qualification.Source source) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", statusJson(status));
        p.put("date", date.toString());
        p.put("followUpDate", followUp.toString());
        p.put("comment", comment.strip());
        p.put("items", items.stream().map(Qualifications::itemJson).toList());
        if (source != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", source.kind());
            s.put("submissionId", source.submissionId());
            s.put("contact", source.contact());
            p.put("source", s);
        }
        return p;
    }

    static Map<String, Object> statusJson(ItemStatus s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", s.code());
        p.put("labelEn", s.labelEn());
        p.put("labelFr", s.labelFr());
        p.put("category", s.category().name());
        return p;
    }

    /** An item as events carry it: enough to redraw its row without a query. */
    public static Map<String, Object> itemJson(OpenItem i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", i.number());
        p.put("type", i.type().name());
        p.put("version", i.version());
        p.put("dueDate", i.dueDate().toString());
        p.put("amount", i.amount());
        p.put("openAmount", i.openAmount());
        p.put("currency", i.currency());
        var q = i.qualification();
        p.put("status", q.status() == null ? null : statusJson(q.status()));
        p.put("statusDate", q.statusDate() == null ? null : q.statusDate().toString());
        p.put("followUpDate", q.followUpDate() == null ? null : q.followUpDate().toString());
        p.put("lastComment", q.lastComment());
        p.put("changedBy", q.changedBy());
        p.put("changedAt", q.changedAt() == null ? null : q.changedAt().toString());
        return p;
    }

    /** Signals "some items did not match the version seen": roll back, then explain. */
    private static final class Rollback extends RuntimeException {
        Rollback() {
            super(null, null, false, false);
        }
    }
}
