package org.opendso.status;

import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The statuses of a tenant. Everyone reads them; administrators create, change and delete them. A status carried
 * by items is deleted only together with moving those items to a replacement, in one transaction that also
 * tells each affected account's log, so no item is ever left without its status. Each category keeps at least
 * one status: other capabilities (dispute resolution, promises) look statuses up by category.
 */
@Service
public class Statuses {

    static final String COLUMNS = "id, code, label_en, label_fr, category, follow_up_days, standard, version";
    static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{2,40}$");
    static final int MAX_LABEL = 80;
    static final int MAX_FOLLOW_UP_DAYS = 3650;
    static final int DEFAULT_FOLLOW_UP_DAYS = 7;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventLog events;

    Statuses(DatabaseClient db, TransactionalOperator tx, EventLog events) {
        this.db = db;
        this.tx = tx;
        this.events = events;
    }

    public Flux<ItemStatus> all(long tenantId) {
        return db.sql("select " + COLUMNS + " from item_status where tenant_id = :tenant order by category, label_en")
                .bind("tenant", tenantId)
                .map(Statuses::status)
                .all();
    }

    /** The status with this code in the tenant, or empty. */
    public Mono<ItemStatus> byCode(long tenantId, String code) {
        return db.sql("select " + COLUMNS + " from item_status where tenant_id = :tenant and code = :code")
                .bind("tenant", tenantId)
                .bind("code", code)
                .map(Statuses::status)
                .one();
    }

    /** Every status of the tenant with how many items carry it, in the order of the categories, then by code. */
    public Flux<StatusUsage> usage(long tenantId) {
        return db.sql("""
                        select s.id, s.code, s.label_en, s.label_fr, s.category, s.follow_up_days, s.standard, s.version,
                               count(o.id) filter (where o.closed_at is null) as open_items, count(o.id) as items
                        from item_status s
                        left join open_item o on o.status_id = s.id and o.tenant_id = s.tenant_id
                        where s.tenant_id = :tenant
                        group by s.id
                        order by array_position(array['ON_GOING', 'PROMISE_TO_PAY', 'DISPUTE', 'DISPUTE_RESOLVED',
                                 'LITIGATION'], s.category), s.code""")
                .bind("tenant", tenantId)
                .map(row -> new StatusUsage(status(row), row.get("open_items", Long.class), row.get("items", Long.class)))
                .all();
    }

    /**
     * What a user typed as a code, as the database keeps it: trimmed, upper case, blanks as underscores
     * ("price dispute 2" → PRICE_DISPUTE_2). Null stays null.
     */
    public static String normaliseCode(String input) {
        return input == null ? null : input.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "_");
    }

    public Mono<ItemStatus> create(Staff admin, StatusDraft draft) {
        return requireAdmin(admin).then(Mono.defer(() -> {
            String code = normaliseCode(draft.code());
            if (code == null || code.isEmpty()) {
                return Mono.error(new InvalidStatus("code", "A status needs a code"));
            }
            if (!CODE.matcher(code).matches()) {
                return Mono.error(new InvalidStatus("code",
                        "A code has 2 to 40 letters A-Z, digits or underscores; '" + code + "' does not fit"));
            }
            return validate(draft).then(Mono.defer(() -> db.sql("""
                            insert into item_status (tenant_id, code, label_en, label_fr, category, follow_up_days)
                            values (:tenant, :code, :labelEn, :labelFr, :category, :days)
                            returning\s""" + COLUMNS)
                    .bind("tenant", admin.tenantId())
                    .bind("code", code)
                    .bind("labelEn", draft.labelEn().strip())
                    .bind("labelFr", draft.labelFr().strip())
                    .bind("category", draft.category().name())
                    .bind("days", followUpDays(draft))
                    .map(Statuses::status)
                    .one()
                    .onErrorMap(DuplicateKeyException.class,
                            e -> new InvalidStatus("code", "The code " + code + " is already used by another status"))));
        }));
    }

    /**
     * Renames a status, changes its category or its follow-up delay. With a version, only if the status is still
     * at that version (else a conflict: someone changed it meanwhile); without one, the last writer wins.
     */
    public Mono<ItemStatus> update(Staff admin, String statusCode, StatusDraft draft, Long expectedVersion) {
        String code = normaliseCode(statusCode);
        return requireAdmin(admin).then(validate(draft)).then(Mono.defer(() ->
                lockCategoryOf(admin.tenantId(), code).collectList().flatMap(category -> {
                    ItemStatus current = find(category, code);
                    if (expectedVersion != null && current.version() != expectedVersion) {
                        return Mono.error(new OptimisticLockingFailureException("The status " + code
                                + " was changed by someone else meanwhile (it is now at version " + current.version()
                                + ", you had " + expectedVersion + "); reload it and try again."));
                    }
                    if (draft.category() != current.category() && category.size() == 1) {
                        return Mono.error(new InvalidStatus("category", "The status " + code
                                + " is the last one of its category " + current.category() + "; create another first"));
                    }
                    return db.sql("""
                                    update item_status set label_en = :labelEn, label_fr = :labelFr, category = :category,
                                           follow_up_days = :days, version = version + 1
                                    where id = :id and tenant_id = :tenant
                                    returning\s""" + COLUMNS)
                            .bind("labelEn", draft.labelEn().strip())
                            .bind("labelFr", draft.labelFr().strip())
                            .bind("category", draft.category().name())
                            .bind("days", followUpDays(draft))
                            .bind("id", current.id())
                            .bind("tenant", admin.tenantId())
                            .map(Statuses::status)
                            .one();
                }).as(tx::transactional)));
    }

    /**
     * Deletes a status. Items carrying it (open or closed) move to the replacement first, keeping their status
     * date and comment; their version goes up, so anyone holding them sees a conflict rather than overwriting.
     * Each account whose items moved gets a {@link EventType#STATUS_REPLACED} event. All or nothing.
     *
     * @param replacementCode the status the items move to; may be null when no item carries the status
     */
    public Mono<StatusDeletion> delete(Staff admin, String statusCode, String replacementCode) {
        String code = normaliseCode(statusCode);
        Actor actor = Actor.of(admin);
        long tenant = admin.tenantId();
        String replacementWanted = replacementCode == null || replacementCode.isBlank() ? null : normaliseCode(replacementCode);
        return requireAdmin(admin).then(Mono.defer(() ->
                lockCategoryOf(tenant, code).collectList().flatMap(category -> {
                    ItemStatus deleted = find(category, code);
                    if (category.size() == 1) {
                        return Mono.error(new InvalidStatus("code", "The status " + code
                                + " is the last one of its category " + deleted.category() + "; it cannot be deleted"));
                    }
                    return replacement(tenant, deleted, replacementWanted)
                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(to -> itemsCarrying(tenant, deleted.id()).flatMap(items -> {
                                if (items > 0 && to.isEmpty()) {
                                    return Mono.error(new StatusInUse(code, items));
                                }
                                Mono<List<Moved>> moved = items == 0 ? Mono.just(List.of())
                                        : move(admin, deleted, to.get())
                                        .concatMap(m -> events.append(actor, tenant, m.customerId(),
                                                EventType.STATUS_REPLACED, m.payload()).thenReturn(m))
                                        .collectList();
                                return moved.flatMap(accounts -> db.sql(
                                                "delete from item_status where id = :id and tenant_id = :tenant")
                                        .bind("id", deleted.id())
                                        .bind("tenant", tenant)
                                        .fetch().rowsUpdated()
                                        .thenReturn(new StatusDeletion(code, to.map(ItemStatus::code).orElse(null),
                                                accounts.stream().mapToLong(Moved::items).sum(), accounts.size())));
                            }));
                }).as(tx::transactional)));
    }

    /** The items of one account moved by a deletion, with the event payload built set-based by the database. */
    private record Moved(long customerId, long items, String payload) {
    }

    private Flux<Moved> move(Staff admin, ItemStatus from, ItemStatus to) {
        // One statement moves every item and groups them by account with the payload of the account's event;
        // the result is read completely before the events are appended on the same connection.
        return db.sql("""
                        with moved as (
                            update open_item o set status_id = :to, version = o.version + 1, updated_at = now(),
                                   changed_by = :user, changed_at = now()
                            where o.tenant_id = :tenant and o.status_id = :from
                            returning o.customer_id, o.type, o.number, o.version)
                        select m.customer_id, count(*) as items, json_build_object(
                                   'from', json_build_object('code', f.code, 'labelEn', f.label_en,
                                           'labelFr', f.label_fr, 'category', f.category),
                                   'to', json_build_object('code', t.code, 'labelEn', t.label_en,
                                           'labelFr', t.label_fr, 'category', t.category),
                                   'items', json_agg(json_build_object('number', m.number, 'type', m.type,
                                           'version', m.version) order by m.type, m.number))::text as payload
                        from moved m
                        join item_status f on f.id = :from and f.tenant_id = :tenant
                        join item_status t on t.id = :to and t.tenant_id = :tenant
                        group by m.customer_id, f.id, t.id
                        order by m.customer_id""")
                .bind("to", to.id())
                .bind("from", from.id())
                .bind("user", admin.userId())
                .bind("tenant", admin.tenantId())
                .map(row -> new Moved(row.get("customer_id", Long.class), row.get("items", Long.class),
                        row.get("payload", String.class)))
                .all()
                .collectList()
                .flatMapMany(Flux::fromIterable);
    }

    private Mono<ItemStatus> replacement(long tenant, ItemStatus deleted, String code) {
        if (code == null) {
            return Mono.empty();
        }
        if (code.equals(deleted.code())) {
            return Mono.error(new InvalidStatus("replacement", "Choose another status than the one you delete"));
        }
        return byCode(tenant, code)
                .switchIfEmpty(Mono.error(() -> new InvalidStatus("replacement", "No status '" + code + "'")));
    }

    private Mono<Long> itemsCarrying(long tenant, long statusId) {
        return db.sql("select count(*) as n from open_item where tenant_id = :tenant and status_id = :status")
                .bind("tenant", tenant)
                .bind("status", statusId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /**
     * The statuses of the category of {@code code}, locked in id order: two administrators changing statuses of
     * one category take turns, so "the last one of its category" stays true. Empty when the code is unknown.
     */
    private Flux<ItemStatus> lockCategoryOf(long tenant, String code) {
        return db.sql("select " + COLUMNS + " " + """
                         from item_status
                         where tenant_id = :tenant
                           and category = (select category from item_status where tenant_id = :tenant and code = :code)
                         order by id
                         for update""")
                .bind("tenant", tenant)
                .bind("code", code == null ? "" : code)
                .map(Statuses::status)
                .all();
    }

    private static ItemStatus find(List<ItemStatus> category, String code) {
        return category.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new UnknownStatus(code));
    }

    private static Mono<Void> validate(StatusDraft draft) {
        String en = draft.labelEn() == null ? "" : draft.labelEn().strip();
        String fr = draft.labelFr() == null ? "" : draft.labelFr().strip();
        if (en.isEmpty()) {
            return Mono.error(new InvalidStatus("labels.en", "Give the English label"));
        }
        if (fr.isEmpty()) {
            return Mono.error(new InvalidStatus("labels.fr", "Give the French label"));
        }
        if (en.length() > MAX_LABEL) {
            return Mono.error(new InvalidStatus("labels.en", "A label has at most " + MAX_LABEL + " characters"));
        }
        if (fr.length() > MAX_LABEL) {
            return Mono.error(new InvalidStatus("labels.fr", "A label has at most " + MAX_LABEL + " characters"));
        }
        if (draft.category() == null) {
            return Mono.error(new InvalidStatus("category", "Choose a category"));
        }
        int days = followUpDays(draft);
        if (days < 0 || days > MAX_FOLLOW_UP_DAYS) {
            return Mono.error(new InvalidStatus("followUpDays",
                    "The follow-up delay is 0 to " + MAX_FOLLOW_UP_DAYS + " days"));
        }
        return Mono.empty();
    }

    private static int followUpDays(StatusDraft draft) {
        return draft.followUpDays() == null ? DEFAULT_FOLLOW_UP_DAYS : draft.followUpDays();
    }

    private static Mono<Void> requireAdmin(Staff staff) {
        return staff.isAdmin() ? Mono.empty()
                : Mono.error(new AccessDeniedException("Only an administrator manages statuses"));
    }

    static ItemStatus status(Readable row) {
        return new ItemStatus(
                row.get("id", Long.class),
                row.get("code", String.class),
                row.get("label_en", String.class),
                row.get("label_fr", String.class),
                StatusCategory.valueOf(row.get("category", String.class)),
                row.get("follow_up_days", Integer.class),
                row.get("standard", Boolean.class),
                row.get("version", Long.class));
    }
}
