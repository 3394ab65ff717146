package org.opendso.agenda;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendso.customer.Customers;
import org.opendso.customer.Visibility;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The collection actions of the scenarios: generated for the accounts (on demand, after a change, and by a
 * cluster-safe schedule), listed as a user's agenda, and done, skipped, moved, reassigned or replaced by collectors,
 * each change logged on the account in its transaction.
 */
@Service
public class Agenda {

    private static final Logger log = LoggerFactory.getLogger(Agenda.class);

    /** The kinds a collector may replace an action by (a warning is not a step to replace by). */
    private static final Set<String> STEP_KINDS = Set.of("EMAIL", "LETTER", "CALL", "INTERNAL_TASK");
    /** A run that planned more actions than this refreshes the table's planner statistics. */
    private static final long ANALYZE_AFTER = 1_000;

    static final Set<String> KINDS = Set.of("EMAIL", "LETTER", "CALL", "INTERNAL_TASK", "OLD_ITEMS_WARNING");

    private final DatabaseClient db;
    private final Generation generation;
    private final EventLog events;
    private final Customers customers;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final boolean onStart;

    Agenda(DatabaseClient db, Generation generation, EventLog events, Customers customers, TransactionalOperator tx,
           Optional<Clock> clock, @Value("${opendso.agenda.on-start:true}") boolean onStart) {
        this.onStart = onStart;
        this.db = db;
        this.generation = generation;
        this.events = events;
        this.customers = customers;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Regenerates the next actions of these accounts of the tenant (after an import, a qualification): joins the
     * caller's transaction if there is one, and waits for any generation of the tenant going on. Emits the number
     * of actions planned.
     */
    public Mono<Long> regenerate(long tenantId, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Mono.just(0L);
        }
        return generate(tenantId, customerIds, today());
    }

    /** The accounts ({@code null}: every account of the tenant) as of a given day. */
    Mono<Long> generate(long tenantId, Collection<Long> customerIds, LocalDate today) {
        return generation.lock(tenantId)
                .then(generation.run(tenantId, customerIds, today))
                .as(tx::transactional);
    }

    /**
     * Every account of every tenant, each tenant in its own transaction, waiting for the tenant's lock (an
     * incremental run may hold it for a moment). The tenant's change marks are taken too. Emits the number of
     * actions planned.
     */
    Mono<Long> generateAll(LocalDate today) {
        return tenants().concatMap(tenant -> generation.lock(tenant)
                        .then(generation.claimChanges(tenant))
                        .then(generation.run(tenant, null, today))
                        .as(tx::transactional)
                        .flatMap(this::freshStatistics))
                .reduce(0L, Long::sum);
    }

    /**
     * The daily run: as {@link #generateAll}, once per tenant and day whichever instance gets there first (the
     * others, having waited for the lock, find the day taken and skip it).
     */
    Mono<Long> generateDaily(LocalDate today) {
        return tenants().concatMap(tenant -> generateDaily(tenant, today)).reduce(0L, Long::sum);
    }

    /** One tenant's daily run; 0 when it was done already that day. */
    Mono<Long> generateDaily(long tenant, LocalDate today) {
        return generation.lock(tenant)
                .then(db.sql("""
                                update tenant set agenda_planned_on = :today
                                where id = :tenant and agenda_planned_on is distinct from :today""")
                        .bind("today", today).bind("tenant", tenant).fetch().rowsUpdated())
                .flatMap(claimed -> claimed == 0 ? Mono.just(0L)
                        : generation.claimChanges(tenant).then(generation.run(tenant, null, today)))
                .as(tx::transactional)
                .flatMap(this::freshStatistics);
    }

    private Flux<Long> tenants() {
        return db.sql("select id from tenant order by id").map((row, meta) -> row.get("id", Long.class)).all();
    }

    /**
     * After a run that planned many actions, fresh planner statistics, outside its transaction (inside, the
     * analyze's lock would be held to the commit): with the old ones (say, an empty table before the first run) the
     * next run's anti-joins were planned as nested loops over every waiting action (30 s instead of 1 s).
     */
    private Mono<Long> freshStatistics(long planned) {
        return planned > ANALYZE_AFTER ? db.sql("analyze collection_action").then().thenReturn(planned)
                : Mono.just(planned);
    }

    /**
     * The accounts marked as changed (items, statuses, specific actions, scenario, settings: migration V4_9), tenant
     * by tenant under the tenant's lock; a tenant another instance is doing is left to it (its marks stay for the
     * next run if that one claimed before they were made). Emits the number of actions planned.
     */
    Mono<Long> generateChanged(LocalDate today) {
        return generation.tenantsWithChanges()
                .concatMap(tenant -> generateChanged(tenant, today))
                .reduce(0L, Long::sum);
    }

    /** The changed accounts of one tenant, in one transaction; 0 when another instance holds the tenant's lock. */
    Mono<Long> generateChanged(long tenantId, LocalDate today) {
        return generation.tryLock(tenantId)
                .flatMap(locked -> locked ? generation.claimChanges(tenantId) : Mono.just(List.<Long>of()))
                .flatMap(accounts -> accounts.isEmpty() ? Mono.just(0L) : generation.run(tenantId, accounts, today))
                .as(tx::transactional)
                .flatMap(this::freshStatistics);
    }

    /** The server may have been down at 00:10, and a first start has no actions yet: catch up once it is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (onStart) {
            daily();
        }
    }

    /** Daily after midnight: the date moved, so steps fall due, promises expire and items age on every account. */
    @Scheduled(cron = "${opendso.agenda.daily-cron:0 10 0 * * *}")
    void daily() {
        generateDaily(today()).subscribe(
                n -> log.debug("Planned {} collection actions", n),
                e -> log.warn("Collection action generation failed", e));
    }

    /**
     * Every few seconds, the accounts that changed since: their next action follows a qualification, an import or
     * a payment without a whole-tenant run. A run still going when the next tick comes holds its tenants' locks,
     * so the tick skips them.
     */
    @Scheduled(cron = "${opendso.agenda.catch-up-cron:*/10 * * * * *}")
    void catchUp() {
        generateChanged(today()).subscribe(
                n -> log.debug("Planned {} collection actions after changes", n),
                e -> log.warn("Collection action generation after changes failed", e));
    }

    /** A page of a user's waiting actions with the counts of that user's agenda. */
    public Mono<AgendaPage> list(Staff staff, AgendaQuery query) {
        LocalDate today = today();
        LocalDate to = query.to() == null ? today.plusDays(7) : query.to();
        if (query.from() != null && query.from().isAfter(to)) {
            return Mono.error(new InvalidAction("from", "'from' (" + query.from() + ") is after 'to' (" + to + ")"));
        }
        String kind = query.kind() == null || query.kind().isBlank() ? null : query.kind().strip().toUpperCase(Locale.ROOT);
        if (kind != null && !KINDS.contains(kind)) {
            return Mono.error(new InvalidAction("kind", "Unknown kind '" + query.kind() + "' (" + String.join(", ",
                    KINDS.stream().sorted().toList()) + ")"));
        }
        int size = Math.clamp(query.size() <= 0 ? 50 : query.size(), 1, 500);
        int page = Math.max(query.page(), 0);
        if (query.minAmount() != null && query.minAmount().signum() < 0) {
            return Mono.error(new InvalidAction("minAmount", "The minimum amount is 0 or more, not " + query.minAmount()));
        }
        return knownScenario(staff, query.scenario()).then(user(staff, query.user())).flatMap(userId -> {
            // no join to customer: the counts read every waiting action of the user (100k), from one index
            String where = """
                    where a.tenant_id = :tenant and a.state in ('PLANNED', 'TO_CONFIRM') and a.assignee_id = :user
                      and (cast(:kind as text) is null or a.kind = :kind)
                      and (cast(:account as text) is null
                           or a.customer_id = (select id from customer where tenant_id = :tenant and account = :account))
                      and (cast(:scenario as text) is null or a.scenario_id = (select id from scenario
                           where tenant_id = :tenant and lower(name) = lower(:scenario)))
                      and (cast(:min_amount as numeric) is null or coalesce((select b.overdue from customer_balance b
                           where b.customer_id = a.customer_id), a.amount) >= :min_amount)
                    """;
            // the rows are checked against the account's visibility, row by row (a page reads 50: a hashed set of
            // the user's 100k assignments cost 35 ms to build); the counts, which read every waiting action of the
            // user, rely on the rule that an action's assignee sees its account (migration V4_9, reassign)
            String visible = " and (" + Visibility.CONDITION + ")\n";
            Mono<List<PlannedAction>> actions = bind(Visibility.bind(db.sql(SELECT + " " + where + visible + """
                             and (cast(:from as date) is null or a.due_date >= :from) and a.due_date <= :to
                            order by a.due_date, a.id limit :limit offset :offset"""), staff), staff, userId, kind, query)
                    .bind("from", Optional.ofNullable(query.from()).orElse(LocalDate.of(1900, 1, 1)))
                    .bind("to", to).bind("limit", size).bind("offset", (long) page * size)
                    .map((row, meta) -> action(row)).all().collectList();
            Mono<long[]> counts = bind(db.sql("""
                            select count(*) filter (where a.due_date = :today) as today,
                                   count(*) filter (where a.due_date < :today) as late,
                                   count(*) filter (where a.due_date > :today and a.due_date <= :today + 7) as next7,
                                   count(*) filter (where (cast(:from as date) is null or a.due_date >= :from)
                                                    and a.due_date <= :to) as total
                            from collection_action a
                            """ + where), staff, userId, kind, query)
                    .bind("today", today)
                    .bind("from", Optional.ofNullable(query.from()).orElse(LocalDate.of(1900, 1, 1)))
                    .bind("to", to)
                    .map((row, meta) -> new long[] {row.get("today", Long.class), row.get("late", Long.class),
                            row.get("next7", Long.class), row.get("total", Long.class)})
                    .one();
            return Mono.zip(actions, counts).map(t -> new AgendaPage(query.from(), to, today, t.getT1(), t.getT2()[3],
                    new AgendaCounts(t.getT2()[0], t.getT2()[1], t.getT2()[2])));
        });
    }

    private GenericExecuteSpec bind(GenericExecuteSpec spec, Staff staff, long userId, String kind, AgendaQuery query) {
        spec = spec.bind("tenant", staff.tenantId()).bind("user", userId);
        spec = kind == null ? spec.bindNull("kind", String.class) : spec.bind("kind", kind);
        spec = query.scenario() == null || query.scenario().isBlank() ? spec.bindNull("scenario", String.class)
                : spec.bind("scenario", query.scenario().strip());
        spec = query.minAmount() == null ? spec.bindNull("min_amount", BigDecimal.class)
                : spec.bind("min_amount", query.minAmount());
        String account = query.account();
        return account == null || account.isBlank() ? spec.bindNull("account", String.class)
                : spec.bind("account", account.strip());
    }

    /**
     * The automatic-with-confirmation emails waiting for the caller (administrators: for anyone of the company), due
     * today or late, oldest first, in one query.
     */
    Flux<PlannedAction> toConfirm(Staff staff, int limit) {
        return Visibility.bind(db.sql(SELECT + "\n" + """
                         where a.tenant_id = :tenant and a.state = 'TO_CONFIRM' and a.kind = 'EMAIL'
                           and a.due_date <= :today and (:admin or a.assignee_id = :user)
                           and (""" + Visibility.CONDITION + ") order by a.due_date, a.id limit :limit"), staff)
                .bind("tenant", staff.tenantId()).bind("today", today())
                .bind("admin", staff.isAdmin()).bind("user", staff.userId()).bind("limit", limit)
                .map((row, meta) -> action(row)).all();
    }

    /** Nothing when no scenario is asked for or it exists; {@link InvalidAction} naming the company's ones otherwise. */
    private Mono<Void> knownScenario(Staff staff, String name) {
        if (name == null || name.isBlank()) {
            return Mono.empty();
        }
        return db.sql("select name, lower(name) = lower(:name) as asked from scenario where tenant_id = :tenant order by name")
                .bind("tenant", staff.tenantId()).bind("name", name.strip())
                .map((row, meta) -> Map.entry(row.get("name", String.class), Boolean.TRUE.equals(row.get("asked", Boolean.class))))
                .all().collectList()
                .flatMap(all -> all.stream().anyMatch(Map.Entry::getValue) ? Mono.<Void>empty()
                        : Mono.error(new InvalidAction("scenario", "No scenario '" + name.strip() + "' (" + String.join(", ",
                                all.stream().map(Map.Entry::getKey).toList()) + ")")));
    }

    /** The caller, or (admins only) another user of the tenant named by login. */
    private Mono<Long> user(Staff staff, String login) {
        if (login == null || login.isBlank() || login.strip().equalsIgnoreCase(staff.login())) {
            return Mono.just(staff.userId());
        }
        if (!staff.isAdmin()) {
            return Mono.error(new ActionForbidden("Only administrators see another user's agenda"));
        }
        return userOf(staff.tenantId(), login)
                .switchIfEmpty(Mono.error(() -> new InvalidAction("user", "No user '" + login + "' in this company")));
    }

    private Mono<Long> userOf(long tenantId, String login) {
        return db.sql("select id from app_user where tenant_id = :tenant and lower(login) = lower(:login) and enabled")
                .bind("tenant", tenantId).bind("login", login.strip())
                .map((row, meta) -> row.get("id", Long.class)).one();
    }

    /**
     * The tenant's generation lock, taken first by every transaction that changes an action and then regenerates
     * its account: taken last, after the action's row and the account's row (its event), it met generation runs
     * holding the lock and waiting for those rows (a deadlock).
     */
    Mono<Void> lockFirst(long tenantId) {
        return generation.lock(tenantId);
    }

    /** Whether this user of the tenant sees the account (the rule of customer.Visibility, for another user). */
    private Mono<Boolean> sees(long tenantId, long userId, long customerId) {
        return db.sql("""
                        select u.role = 'ADMIN'
                               or (u.role = 'COLLECTOR' and t.collectors_see_all)
                               or exists (select 1 from customer_assignment a
                                          where a.customer_id = :customer and a.user_id = u.id) as sees
                        from app_user u join tenant t on t.id = u.tenant_id
                        where u.tenant_id = :tenant and u.id = :user""")
                .bind("tenant", tenantId).bind("user", userId).bind("customer", customerId)
                .map((row, meta) -> Boolean.TRUE.equals(row.get("sees", Boolean.class)))
                .one().defaultIfEmpty(false);
    }

    /** One action of an account the caller sees; {@link UnknownAction} otherwise. */
    public Mono<PlannedAction> find(Staff staff, long id) {
        return read(staff.tenantId(), id)
                .filterWhen(a -> customers.find(staff, a.customerId()).hasElement())
                .switchIfEmpty(Mono.error(() -> new UnknownAction(id)));
    }

    private Mono<PlannedAction> read(long tenantId, long id) {
        return db.sql(SELECT + " where a.tenant_id = :tenant and a.id = :id")
                .bind("tenant", tenantId).bind("id", id)
                .map((row, meta) -> action(row)).one();
    }

    /** Done, with what came of it; the account's next step is generated in the same transaction. */
    public Mono<PlannedAction> complete(Staff staff, long id, Long version, String outcome, String note) {
        return complete(staff, id, version, outcome, note, null);
    }

    /**
     * Done by the mail (queued in the caller's transaction) that carried it out: an email sent from the composer, a
     * letter sent as an attachment. {@code mailId} null: done otherwise.
     */
    Mono<PlannedAction> complete(Staff staff, long id, Long version, String outcome, String note, Long mailId) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("outcome", text(outcome));
        extra.put("note", text(note));
        if (mailId != null) {
            extra.put("mailId", mailId);
        }
        return change(staff, id, version, EventType.ACTION_DONE, current -> {
                    GenericExecuteSpec spec = db.sql("""
                                    update collection_action set state = 'DONE', outcome = :outcome, note = :note,
                                           mail_id = :mail, done_at = now(), done_by = :by, version = version + 1
                                    where id = :id and tenant_id = :tenant and version = :version
                                      and state in ('PLANNED', 'TO_CONFIRM')""")
                            .bind("outcome", text(outcome)).bind("note", text(note)).bind("by", staff.userId());
                    return mailId == null ? spec.bindNull("mail", Long.class) : spec.bind("mail", mailId);
                },
                extra, true);
    }

    /** Not done, on purpose; the next step is generated as after a completion. */
    public Mono<PlannedAction> skip(Staff staff, long id, Long version, String note) {
        return change(staff, id, version, EventType.ACTION_SKIPPED, current -> db.sql("""
                                update collection_action set state = 'SKIPPED', note = :note,
                                       done_at = now(), done_by = :by, version = version + 1
                                where id = :id and tenant_id = :tenant and version = :version
                                  and state in ('PLANNED', 'TO_CONFIRM')""")
                        .bind("note", text(note)).bind("by", staff.userId()),
                Map.of("note", text(note)), true);
    }

    /** Moved to another date; generation leaves it there (it still matches its step). */
    public Mono<PlannedAction> reschedule(Staff staff, long id, Long version, LocalDate dueDate) {
        if (dueDate == null) {
            return Mono.error(new InvalidAction("dueDate", "Give the new date (yyyy-MM-dd)"));
        }
        return read(staff.tenantId(), id).map(PlannedAction::dueDate).defaultIfEmpty(dueDate).flatMap(from ->
                change(staff, id, version, EventType.ACTION_RESCHEDULED, current -> db.sql("""
                                        update collection_action set due_date = :due, version = version + 1
                                        where id = :id and tenant_id = :tenant and version = :version
                                          and state in ('PLANNED', 'TO_CONFIRM')""").bind("due", dueDate),
                        Map.of("from", from.toString(), "to", dueDate.toString()), false));
    }

    /** Given to another user of the company: administrators, or the assignee handing it over. */
    public Mono<PlannedAction> reassign(Staff staff, long id, Long version, String login) {
        if (login == null || login.isBlank()) {
            return Mono.error(new InvalidAction("user", "Name the user (login) to give the action to"));
        }
        return find(staff, id).flatMap(current -> {
            if (!staff.isAdmin() && !staff.login().equalsIgnoreCase(String.valueOf(current.assignee()))) {
                return Mono.error(new ActionForbidden("Only administrators and the assignee reassign an action"));
            }
            return userOf(staff.tenantId(), login)
                    .switchIfEmpty(Mono.error(() -> new InvalidAction("user", "No active user '" + login + "' in this company")))
                    .filterWhen(userId -> sees(staff.tenantId(), userId, current.customerId()))
                    .switchIfEmpty(Mono.error(() -> new InvalidAction("user", login.strip() + " does not see account "
                            + current.account() + ": assign the account to them first")))
                    .flatMap(userId -> change(staff, id, version, EventType.ACTION_REASSIGNED, c -> db.sql("""
                                            update collection_action set assignee_id = :assignee, version = version + 1
                                            where id = :id and tenant_id = :tenant and version = :version
                                              and state in ('PLANNED', 'TO_CONFIRM')""").bind("assignee", userId),
                            Map.of("from", String.valueOf(current.assignee()), "to", login.strip()), false));
        });
    }

    /**
     * Replaced by an action of another kind (a call instead of a letter) on the same step: the replacement is what
     * counts as the step once done. Emits the replacement.
     */
    public Mono<PlannedAction> replace(Staff staff, long id, Long version, String kind, LocalDate dueDate) {
        String k = kind == null ? null : kind.strip().toUpperCase(Locale.ROOT);
        if (k == null || !STEP_KINDS.contains(k)) {
            return Mono.error(new InvalidAction("kind", "Give the kind of the replacement ("
                    + String.join(", ", STEP_KINDS.stream().sorted().toList()) + ")"));
        }
        return lockFirst(staff.tenantId()).then(find(staff, id)).flatMap(current -> {
            LocalDate due = dueDate == null ? current.dueDate() : dueDate;
            Mono<Void> replaced = mark(staff, current, version, """
                            update collection_action set state = 'REPLACED', done_at = now(), done_by = :by,
                                   version = version + 1
                            where id = :id and tenant_id = :tenant and version = :version
                              and state in ('PLANNED', 'TO_CONFIRM')""", spec -> spec.bind("by", staff.userId()));
            return replaced.then(db.sql("""
                                    insert into collection_action (tenant_id, customer_id, scenario_id, step_id,
                                           step_position, kind, mode, anchor_date, due_date, assignee_id, state, amount,
                                           replaces_id)
                                    select tenant_id, customer_id, scenario_id, step_id, step_position, :kind, 'MANUAL',
                                           anchor_date, :due, assignee_id, 'PLANNED', amount, id
                                    from collection_action where id = :id and tenant_id = :tenant
                                    returning id""")
                            .bind("kind", k).bind("due", due).bind("id", id).bind("tenant", staff.tenantId())
                            .map((row, meta) -> row.get("id", Long.class)).one())
                    .flatMap(newId -> read(staff.tenantId(), newId))
                    .flatMap(replacement -> {
                        Map<String, Object> payload = payload(current);
                        payload.put("state", "REPLACED");
                        payload.put("replacementId", replacement.id());
                        payload.put("newKind", replacement.kind());
                        payload.put("newDueDate", replacement.dueDate().toString());
                        return events.append(Actor.of(staff), staff.tenantId(), current.customerId(),
                                EventType.ACTION_REPLACED, payload).thenReturn(replacement);
                    });
        }).as(tx::transactional);
    }

    /**
     * The shape of every change: the action must be waiting and at the version the caller read (if given); the
     * update, its event and (after done/skip) the account's next step are one transaction.
     */
    private Mono<PlannedAction> change(Staff staff, long id, Long version, EventType type,
                                       java.util.function.Function<PlannedAction, GenericExecuteSpec> update,
                                       Map<String, Object> extra, boolean next) {
        return lockFirst(staff.tenantId()).then(find(staff, id)).flatMap(current -> {
                    long v = version == null ? current.version() : version;
                    return check(current, version)
                            .then(update.apply(current).bind("id", id).bind("tenant", staff.tenantId()).bind("version", v)
                                    .fetch().rowsUpdated())
                            .flatMap(n -> n == 1 ? read(staff.tenantId(), id) : conflict(staff.tenantId(), id))
                            .flatMap(changed -> {
                                Map<String, Object> payload = payload(changed);
                                payload.putAll(extra);
                                return events.append(Actor.of(staff), staff.tenantId(), changed.customerId(), type, payload)
                                        .then(next ? generate(staff.tenantId(), List.of(changed.customerId()), today())
                                                : Mono.just(0L))
                                        .thenReturn(changed);
                            });
                })
                .as(tx::transactional);
    }

    private Mono<Void> mark(Staff staff, PlannedAction current, Long version, String sql,
                            java.util.function.UnaryOperator<GenericExecuteSpec> binds) {
        long v = version == null ? current.version() : version;
        return check(current, version)
                .then(binds.apply(db.sql(sql)).bind("id", current.id()).bind("tenant", staff.tenantId()).bind("version", v)
                        .fetch().rowsUpdated())
                .flatMap(n -> n == 1 ? Mono.<Void>empty() : conflict(staff.tenantId(), current.id()).then());
    }

    private static Mono<Void> check(PlannedAction current, Long version) {
        if (!current.isWaiting()) {
            return Mono.error(new ActionChanged("This action is " + current.state() + " already", current));
        }
        if (version != null && version != current.version()) {
            return Mono.error(new ActionChanged("This action was changed since (version " + current.version()
                    + ", not " + version + ")", current));
        }
        return Mono.empty();
    }

    private Mono<PlannedAction> conflict(long tenantId, long id) {
        return read(tenantId, id).flatMap(now -> Mono.error(new ActionChanged("This action was changed meanwhile", now)));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    static Map<String, Object> payload(PlannedAction a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("actionId", a.id());
        p.put("kind", a.kind());
        p.put("dueDate", a.dueDate().toString());
        p.put("state", a.state());
        if (a.scenario() != null) {
            p.put("scenario", a.scenario());
        }
        if (a.assignee() != null) {
            p.put("assignee", a.assignee());
        }
        return p;
    }

    private static final String SELECT = """
            select a.id, a.customer_id, c.account, c.name as customer_name, a.kind, a.due_date, s.name as scenario,
                   coalesce(st.label, '') as label, a.state, coalesce(b.overdue, a.amount) as amount,
                   u.login as assignee, u.name as assignee_name, a.outcome, a.note, a.version
            from collection_action a
            join customer c on c.id = a.customer_id
            left join scenario s on s.id = a.scenario_id
            left join scenario_step st on st.id = a.step_id
            left join customer_balance b on b.customer_id = a.customer_id
            left join app_user u on u.id = a.assignee_id""";

    private static PlannedAction action(io.r2dbc.spi.Readable row) {
        return new PlannedAction(
                row.get("id", Long.class),
                row.get("customer_id", Long.class),
                row.get("account", String.class),
                row.get("customer_name", String.class),
                row.get("kind", String.class),
                row.get("due_date", LocalDate.class),
                row.get("scenario", String.class),
                row.get("label", String.class),
                row.get("state", String.class),
                row.get("amount", BigDecimal.class),
                row.get("assignee", String.class),
                row.get("assignee_name", String.class),
                row.get("outcome", String.class),
                row.get("note", String.class),
                row.get("version", Long.class));
    }
}
