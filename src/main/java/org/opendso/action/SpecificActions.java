package org.opendso.action;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendso.customer.Visibility;
import org.opendso.item.OpenItem;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates, lists and edits specific actions (completing and cancelling: {@link ActionCompletions}). The rules of
 * decision 0017 are kept here, whoever calls: the creator sees the account; the resolver is an active user of the
 * tenant who sees it; the items are open items of the account in no other open action; only the resolver, the
 * creator, an administrator or staff assigned to the account change an action. The tenant is checked in every
 * statement.
 */
@Service
public class SpecificActions {

    static final int MAX_ITEMS = 1000;
    static final int MAX_NOTE = 4000;

    private final DatabaseClient db;
    private final EventLog events;
    private final TransactionalOperator tx;
    private final Clock clock;

    SpecificActions(DatabaseClient db, EventLog events, TransactionalOperator tx, Optional<Clock> clock) {
        this.db = db;
        this.events = events;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Today as the application's clock says (tests fix it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Creates the action for items given by id and logs ACTION_CREATED; joins the caller's transaction if there is
     * one (a qualification's step 3).
     */
    public Mono<SpecificAction> create(Staff staff, long customerId, NewSpecificAction action) {
        return Mono.defer(() -> {
            check(action.kind(), action.dueDate(), action.note(), action.itemIds() == null ? 0 : action.itemIds().size());
            if (new HashSet<>(action.itemIds()).size() != action.itemIds().size()) {
                throw new InvalidSpecificAction("items", "An item is listed twice");
            }
            Mono<List<Long>> items = lockItems(db.sql("""
                            select k.ord, o.id from unnest(cast(:ids as bigint[])) with ordinality as k(id, ord)
                            join open_item o on o.id = k.id and o.tenant_id = :tenant and o.customer_id = :customer
                                 and o.closed_at is null
                            order by o.id
                            for update of o""")
                    .bind("ids", action.itemIds().toArray(Long[]::new)), staff, customerId, action.itemIds().size(),
                    i -> "Item " + action.itemIds().get(i) + " is not an open item of this account");
            return insert(staff, customerId, action.kind(), resolverById(staff, customerId, action.assigneeId()), items,
                    action.dueDate(), action.note());
        });
    }

    /** Creates the action for items given by their keys, the resolver by login (the API and the sheet). */
    public Mono<SpecificAction> create(Staff staff, long customerId, SpecificActionRequest request) {
        return Mono.defer(() -> {
            check(request.kind(), request.dueDate(), request.note(), request.items() == null ? 0 : request.items().size());
            if (request.resolver() == null || request.resolver().isBlank()) {
                throw new InvalidSpecificAction("resolver", "Name the resolver (a login)");
            }
            List<OpenItem.Key> keys = request.items();
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) == null || keys.get(i).type() == null || keys.get(i).number() == null
                        || keys.get(i).number().isBlank()) {
                    throw new InvalidSpecificAction("items[" + i + "]", "An item needs a number and a type");
                }
            }
            if (new HashSet<>(keys).size() != keys.size()) {
                throw new InvalidSpecificAction("items", "An item is listed twice");
            }
            Mono<List<Long>> items = lockItems(db.sql("""
                            select k.ord, o.id
                            from unnest(cast(:types as text[]), cast(:numbers as text[])) with ordinality as k(type, number, ord)
                            join open_item o on o.tenant_id = :tenant and o.customer_id = :customer and o.type = k.type
                                 and o.number = k.number and o.closed_at is null
                            order by o.id
                            for update of o""")
                    .bind("types", keys.stream().map(k -> k.type().name()).toArray(String[]::new))
                    .bind("numbers", keys.stream().map(k -> k.number().strip()).toArray(String[]::new)),
                    staff, customerId, keys.size(),
                    i -> "No open " + keys.get(i).type().name().toLowerCase().replace('_', ' ') + " "
                            + keys.get(i).number() + " on this account");
            return insert(staff, customerId, request.kind(), resolverByLogin(staff, customerId, request.resolver()),
                    items, request.dueDate(), request.note());
        });
    }

    private static void check(ActionKind kind, LocalDate dueDate, String note, int items) {
        if (kind == null) {
            throw new InvalidSpecificAction("kind", "Choose the kind of action " + Arrays.toString(ActionKind.values()));
        }
        if (items == 0) {
            throw new InvalidSpecificAction("items", "A specific action needs at least one item");
        }
        if (items > MAX_ITEMS) {
            throw new InvalidSpecificAction("items", "At most " + MAX_ITEMS + " items in one action");
        }
        if (dueDate == null) {
            throw new InvalidSpecificAction("dueDate", "A specific action needs a due date");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidSpecificAction("note", "A note has at most " + MAX_NOTE + " characters");
        }
    }

    /**
     * Locks the open items the select finds (rows of {@code ord}, {@code id}), so that two actions cannot take the
     * same item at once; names the first one missing ({@code items[i]}) and refuses items held by another open
     * action (a conflict naming those actions).
     */
    private Mono<List<Long>> lockItems(DatabaseClient.GenericExecuteSpec select, Staff staff, long customerId, int size,
                                       java.util.function.IntFunction<String> missing) {
        return select.bind("tenant", staff.tenantId()).bind("customer", customerId)
                .map((row, meta) -> new long[] {row.get("ord", Long.class), row.get("id", Long.class)})
                .all().collectList()
                .flatMap(found -> {
                    Set<Long> ords = new HashSet<>();
                    found.forEach(f -> ords.add(f[0]));
                    for (int i = 0; i < size; i++) {
                        if (!ords.contains((long) i + 1)) {
                            return Mono.error(new InvalidSpecificAction("items[" + i + "]", missing.apply(i)));
                        }
                    }
                    Long[] ids = found.stream().map(f -> f[1]).toArray(Long[]::new);
                    return db.sql("""
                                    select si.open_item_id, a.id, o.number from specific_action_item si
                                    join specific_action a on a.id = si.action_id and a.state = 'OPEN' and a.tenant_id = :tenant
                                    join open_item o on o.id = si.open_item_id
                                    where si.open_item_id = any(:ids) order by a.id""")
                            .bind("tenant", staff.tenantId()).bind("ids", ids)
                            .map((row, meta) -> new Object[] {row.get("open_item_id", Long.class), row.get("id", Long.class),
                                    row.get("number", String.class)})
                            .all().collectList()
                            .flatMap(taken -> {
                                if (taken.isEmpty()) {
                                    return Mono.just(Arrays.asList(ids));
                                }
                                long item = (Long) taken.getFirst()[0];
                                long ord = found.stream().filter(f -> f[1] == item).findFirst().map(f -> f[0]).orElse(1L);
                                List<Long> others = taken.stream().map(t -> (Long) t[1]).distinct().toList();
                                return Mono.error(new ItemsInOpenAction("items[" + (ord - 1) + "]", "Item "
                                        + taken.getFirst()[2] + " is already in open specific action " + others.getFirst()
                                        + ": complete or cancel it first, or edit that action", others));
                            });
                });
    }

    private Mono<SpecificAction> insert(Staff staff, long customerId, ActionKind kind, Mono<Long> resolver,
                                        Mono<List<Long>> items, LocalDate dueDate, String note) {
        return seesAccount(staff, customerId)
                .then(resolver)
                .flatMap(resolverId -> items.flatMap(itemIds -> db.sql("""
                                insert into specific_action (tenant_id, customer_id, kind, due_date, assignee_id, note, created_by)
                                values (:tenant, :customer, :kind, :due, :assignee, :note, :creator)
                                returning id""")
                        .bind("kind", kind.name())
                        .bind("due", dueDate)
                        .bind("note", note == null ? "" : note.strip())
                        .bind("creator", staff.userId())
                        .bind("assignee", resolverId)
                        .bind("customer", customerId)
                        .bind("tenant", staff.tenantId())
                        .map((row, meta) -> row.get("id", Long.class))
                        .one()
                        .flatMap(id -> db.sql("""
                                        insert into specific_action_item (action_id, open_item_id)
                                        select :action, unnest(cast(:items as bigint[]))""")
                                .bind("action", id)
                                .bind("items", itemIds.toArray(Long[]::new))
                                .fetch().rowsUpdated().thenReturn(id))))
                .flatMap(id -> find(staff.tenantId(), id))
                .flatMap(created -> events.append(Actor.of(staff), staff.tenantId(), customerId, EventType.ACTION_CREATED,
                        payload(created)).thenReturn(created))
                .as(tx::transactional);
    }

    private Mono<Void> seesAccount(Staff staff, long customerId) {
        return Visibility.bind(db.sql("select c.id from customer c where c.id = :customer and " + Visibility.CONDITION)
                        .bind("customer", customerId), staff)
                .map((row, meta) -> row.get("id", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new SpecificActionForbidden("You do not see this account")))
                .then();
    }

    /** Who sees an account, as SQL on {@code u} (a user) and {@code :customer}: the visibility rule for another user. */
    private static final String SEES = """
            u.enabled and (u.role = 'ADMIN'
                or exists (select 1 from customer_assignment ca where ca.customer_id = :customer and ca.user_id = u.id)
                or (u.role = 'COLLECTOR' and (select t.collectors_see_all from tenant t where t.id = u.tenant_id)))""";

    private Mono<Long> resolverById(Staff staff, long customerId, long userId) {
        return resolver(db.sql("select u.id, " + SEES + " as sees from app_user u where u.tenant_id = :tenant and u.id = :user")
                .bind("user", userId), staff, customerId, "user " + userId);
    }

    private Mono<Long> resolverByLogin(Staff staff, long customerId, String login) {
        return resolver(db.sql("select u.id, " + SEES + " as sees from app_user u where u.tenant_id = :tenant and lower(u.login) = lower(:login)")
                .bind("login", login.strip()), staff, customerId, "'" + login.strip() + "'");
    }

    private static Mono<Long> resolver(DatabaseClient.GenericExecuteSpec spec, Staff staff, long customerId, String who) {
        return spec.bind("tenant", staff.tenantId()).bind("customer", customerId)
                .map((row, meta) -> Boolean.TRUE.equals(row.get("sees", Boolean.class)) ? row.get("id", Long.class) : -1L)
                .one()
                .switchIfEmpty(Mono.error(() -> new InvalidSpecificAction("resolver", "No user " + who + " in this company")))
                .flatMap(id -> id < 0 ? Mono.error(new InvalidSpecificAction("resolver", "The resolver " + who
                        + " is not an active user who sees this account (a sales manager or collector assigned to it)"))
                        : Mono.just(id));
    }

    /** Users who may resolve an action on the account, by name (the dialogs' choice). */
    public Flux<Resolver> resolvers(Staff staff, long customerId) {
        return db.sql("select u.id, u.login, u.name, u.role from app_user u where u.tenant_id = :tenant and " + SEES
                        + " order by lower(u.name)")
                .bind("tenant", staff.tenantId()).bind("customer", customerId)
                .map((row, meta) -> new Resolver(row.get("id", Long.class), row.get("login", String.class),
                        row.get("name", String.class), Role.valueOf(row.get("role", String.class))))
                .all();
    }

    /**
     * Edits an open action (due date, resolver, note). A new resolver logs ACTION_REASSIGNED (and notifies them),
     * other changes ACTION_RESCHEDULED; both carry {@code specificActionId}, so the agenda's readers of those
     * events (about collection actions) can tell them apart.
     */
    public Mono<SpecificAction> update(Staff staff, long actionId, ActionChange change) {
        return Mono.defer(() -> {
            if (change.note() != null && change.note().length() > MAX_NOTE) {
                throw new InvalidSpecificAction("note", "A note has at most " + MAX_NOTE + " characters");
            }
            return guard(staff, actionId, change.version()).flatMap(current -> {
                Mono<Long> resolver = change.resolver() == null || change.resolver().isBlank()
                        ? Mono.just(current.assigneeId())
                        : resolverByLogin(staff, current.customerId(), change.resolver());
                LocalDate due = change.dueDate() == null ? current.dueDate() : change.dueDate();
                String note = change.note() == null ? current.note() : change.note().strip();
                return resolver.flatMap(resolverId -> db.sql("""
                                        update specific_action set due_date = :due, assignee_id = :assignee, note = :note,
                                               version = version + 1
                                        where id = :id and tenant_id = :tenant and state = 'OPEN' and version = :version""")
                                .bind("due", due).bind("assignee", resolverId).bind("note", note == null ? "" : note)
                                .bind("id", actionId).bind("tenant", staff.tenantId()).bind("version", current.version())
                                .fetch().rowsUpdated()
                                .then(find(staff.tenantId(), actionId))
                                .flatMap(changed -> {
                                    Map<String, Object> p = payload(changed);
                                    p.remove("actionId");
                                    p.put("specificActionId", changed.id());
                                    boolean reassigned = changed.assigneeId() != current.assigneeId();
                                    if (reassigned) {
                                        p.put("from", current.assigneeLogin());
                                        p.put("to", changed.assigneeLogin());
                                    }
                                    return events.append(Actor.of(staff), staff.tenantId(), changed.customerId(),
                                                    reassigned ? EventType.ACTION_REASSIGNED : EventType.ACTION_RESCHEDULED, p)
                                            .thenReturn(changed);
                                }));
            }).as(tx::transactional);
        });
    }

    /**
     * The open action the caller may change, locked for the caller's transaction; else UnknownSpecificAction (not
     * seen), SpecificActionForbidden (seen, but neither resolver, creator, admin nor assigned) or
     * SpecificActionChanged (closed, or not at the version {@code expected}).
     */
    Mono<SpecificAction> guard(Staff staff, long actionId, Long expected) {
        return Visibility.bind(db.sql("""
                                select a.id, a.assignee_id, a.created_by, a.state, a.version, (%s) as visible,
                                       exists (select 1 from customer_assignment ca
                                               where ca.customer_id = a.customer_id and ca.user_id = :v_user) as assigned
                                from specific_action a join customer c on c.id = a.customer_id
                                where a.tenant_id = :tenant and a.id = :id
                                for update of a""".formatted(Visibility.CONDITION))
                        .bind("tenant", staff.tenantId()).bind("id", actionId), staff)
                .map((row, meta) -> new Object[] {
                        Boolean.TRUE.equals(row.get("visible", Boolean.class)),
                        staff.isAdmin() || Boolean.TRUE.equals(row.get("assigned", Boolean.class))
                                || row.get("assignee_id", Long.class) == staff.userId()
                                || row.get("created_by", Long.class) == staff.userId()})
                .one()
                .switchIfEmpty(Mono.error(() -> new UnknownSpecificAction(actionId)))
                .flatMap(access -> {
                    if (!(Boolean) access[0]) {
                        return Mono.error(new UnknownSpecificAction(actionId));
                    }
                    if (!(Boolean) access[1]) {
                        return Mono.error(new SpecificActionForbidden("Only the resolver, the creator, an administrator "
                                + "or a collector or sales manager assigned to the account may change this action"));
                    }
                    return find(staff.tenantId(), actionId);
                })
                .flatMap(current -> !current.isOpen()
                        ? Mono.error(new SpecificActionChanged("This action is " + current.state().name().toLowerCase()
                                + " already", current))
                        : expected != null && expected != current.version()
                        ? Mono.error(new SpecificActionChanged("This action was changed meanwhile (version "
                                + current.version() + ", not " + expected + ")", current))
                        : Mono.just(current));
    }

    /** The account's specific actions, open ones first, then by due date. */
    public Flux<SpecificAction> ofCustomer(long tenantId, long customerId) {
        return db.sql(SELECT + " where a.tenant_id = :tenant and a.customer_id = :customer"
                        + " order by a.state = 'OPEN' desc, a.due_date, a.id")
                .bind("tenant", tenantId)
                .bind("customer", customerId)
                .map((row, meta) -> action(row))
                .all();
    }

    /** One action of the tenant, or empty (no visibility check: see {@link #visible}). */
    public Mono<SpecificAction> find(long tenantId, long actionId) {
        return db.sql(SELECT + " where a.tenant_id = :tenant and a.id = :id")
                .bind("tenant", tenantId)
                .bind("id", actionId)
                .map((row, meta) -> action(row))
                .one();
    }

    /** One action on an account the caller sees, or UnknownSpecificAction. */
    public Mono<SpecificAction> visible(Staff staff, long actionId) {
        return Visibility.bind(db.sql(SELECT + " where a.tenant_id = :tenant and a.id = :id and " + Visibility.CONDITION)
                        .bind("tenant", staff.tenantId()).bind("id", actionId), staff)
                .map((row, meta) -> action(row))
                .one()
                .switchIfEmpty(Mono.error(() -> new UnknownSpecificAction(actionId)));
    }

    /** The caller's open actions as resolver, on the accounts they see, by due date (the agenda). */
    public Flux<SpecificAction> openOfResolver(Staff staff, int limit) {
        return Visibility.bind(db.sql(SELECT + """
                                 where a.tenant_id = :tenant and a.assignee_id = :user and a.state = 'OPEN' and %s
                                 order by a.due_date, a.id limit :limit""".formatted(Visibility.CONDITION))
                        .bind("tenant", staff.tenantId()).bind("user", staff.userId()).bind("limit", limit), staff)
                .map((row, meta) -> action(row))
                .all();
    }

    /** Counts of {@link #openOfResolver}, from the partial index on open actions. */
    public Mono<ResolverCounts> countsOfResolver(Staff staff) {
        return Visibility.bind(db.sql("""
                                select count(*) filter (where a.due_date < :today) as late,
                                       count(*) filter (where a.due_date = :today) as today, count(*) as total
                                from specific_action a join customer c on c.id = a.customer_id
                                where a.tenant_id = :tenant and a.assignee_id = :user and a.state = 'OPEN' and %s"""
                                .formatted(Visibility.CONDITION))
                        .bind("tenant", staff.tenantId()).bind("user", staff.userId()).bind("today", today()), staff)
                .map((row, meta) -> new ResolverCounts(row.get("late", Long.class), row.get("today", Long.class),
                        row.get("total", Long.class)))
                .one();
    }

    static Map<String, Object> payload(SpecificAction a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("actionId", a.id());
        p.put("kind", a.kind().name());
        p.put("dueDate", a.dueDate().toString());
        p.put("assignee", a.assigneeLogin());
        p.put("assigneeName", a.assigneeName());
        p.put("note", a.note());
        p.put("state", a.state().name());
        p.put("items", a.items().stream().map(n -> Map.of("number", n)).toList());
        if (a.completionNote() != null) {
            p.put("completionNote", a.completionNote());
        }
        if (a.outcome() != null) {
            p.put("outcome", a.outcome().name());
        }
        return p;
    }

    static final String SELECT = """
            select a.id, a.customer_id, c.account, c.name as customer_name, a.kind, a.due_date, a.note, a.state,
                   a.created_at, a.completed_at, a.completion_note, a.outcome, a.version, a.assignee_id, a.created_by,
                   asg.login as assignee_login, asg.name as assignee_name,
                   cr.name as created_by_name, cp.name as completed_by,
                   array(select o.number from specific_action_item i join open_item o on o.id = i.open_item_id
                         where i.action_id = a.id order by o.due_date, o.number) as items
            from specific_action a
            join customer c on c.id = a.customer_id
            join app_user asg on asg.id = a.assignee_id
            join app_user cr on cr.id = a.created_by
            left join app_user cp on cp.id = a.completed_by
            """;

    static SpecificAction action(io.r2dbc.spi.Readable row) {
        OffsetDateTime completed = row.get("completed_at", OffsetDateTime.class);
        String[] items = row.get("items", String[].class);
        String outcome = row.get("outcome", String.class);
        return new SpecificAction(
                row.get("id", Long.class),
                row.get("customer_id", Long.class),
                row.get("account", String.class),
                row.get("customer_name", String.class),
                ActionKind.valueOf(row.get("kind", String.class)),
                row.get("due_date", LocalDate.class),
                row.get("assignee_id", Long.class),
                row.get("assignee_login", String.class),
                row.get("assignee_name", String.class),
                row.get("note", String.class),
                ActionState.valueOf(row.get("state", String.class)),
                row.get("created_by", Long.class),
                row.get("created_by_name", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("completed_by", String.class),
                completed == null ? null : completed.toInstant(),
                row.get("completion_note", String.class),
                outcome == null ? null : ActionOutcome.valueOf(outcome),
                items == null ? List.of() : new ArrayList<>(Arrays.asList(items)),
                row.get("version", Long.class));
    }
}
