package org.opendso.alert;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendso.customer.Visibility;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alerts of the accounts a user sees (newest first, open or cleared), acknowledging them, the company's rules,
 * and evaluating the rules for a tenant or some of its accounts (on demand; the schedule and the triggers are in
 * {@link AlertSchedule}). Every change is logged on the account in its transaction.
 */
@Service
public class Alerts {

    private static final String SELECT = """
            select a.id, a.customer_id, c.account, c.name, a.rule, a.subject, a.details::text as details, a.raised_at,
                   a.cleared_at, a.cleared_reason, u.name as cleared_by
            from alert a
            join customer c on c.id = a.customer_id and c.tenant_id = a.tenant_id
            left join app_user u on u.id = a.cleared_by
            """;

    private final DatabaseClient db;
    private final Evaluation evaluation;
    private final EventLog events;
    private final TransactionalOperator tx;
    private final Clock clock;

    Alerts(DatabaseClient db, Evaluation evaluation, EventLog events, TransactionalOperator tx, Optional<Clock> clock) {
        this.db = db;
        this.evaluation = evaluation;
        this.events = events;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- reading ------------------------------------------------------------------------------------------------

    /** A page of the alerts of the accounts the user sees, newest first. */
    public Flux<Alert> list(Staff staff, AlertQuery query) {
        int size = Math.clamp(query.size() <= 0 ? 100 : query.size(), 1, 500);
        int page = Math.max(query.page(), 0);
        GenericExecuteSpec spec = db.sql(SELECT + where(query) + " order by a.raised_at desc, a.id desc limit :limit offset :offset");
        return bind(spec, staff, query).bind("limit", size).bind("offset", (long) page * size)
                .map((row, meta) -> alert(row)).all();
    }

    /** How many alerts of the accounts the user sees are in that state (the bell: OPEN). */
    public Mono<Long> count(Staff staff, AlertQuery query) {
        GenericExecuteSpec spec = db.sql("select count(*) as n from alert a join customer c on c.id = a.customer_id"
                + " and c.tenant_id = a.tenant_id " + where(query));
        return bind(spec, staff, query).map((row, meta) -> row.get("n", Long.class)).one();
    }

    /** The open alerts of these accounts, for badges: one read for a page of the customer list. */
    public Mono<Map<Long, List<Alert>>> openOf(Staff staff, Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Visibility.bind(db.sql(SELECT + """
                                where a.tenant_id = :v_tenant and a.cleared_at is null and a.customer_id = any(:ids)
                                  and (""" + Visibility.CONDITION + ") order by a.raised_at, a.id"), staff)
                .bind("ids", customerIds.toArray(Long[]::new))
                .map((row, meta) -> alert(row)).all()
                .collectMultimap(Alert::customerId)
                .map(byId -> {
                    Map<Long, List<Alert>> result = new LinkedHashMap<>();
                    byId.forEach((id, list) -> result.put(id, List.copyOf(list)));
                    return result;
                });
    }

    /** The open alerts of one account the user sees (none for an account they do not see). */
    public Flux<Alert> openOf(Staff staff, long customerId) {
        return openOf(staff, List.of(customerId)).flatMapIterable(m -> m.getOrDefault(customerId, List.of()));
    }

    private static String where(AlertQuery query) {
        StringBuilder where = new StringBuilder(" where a.tenant_id = :v_tenant and (" + Visibility.CONDITION + ")");
        switch (query.state() == null ? AlertState.OPEN : query.state()) {
            case OPEN -> where.append(" and a.cleared_at is null");
            case CLEARED -> where.append(" and a.cleared_at is not null");
            case ALL -> { }
        }
        if (query.account() != null && !query.account().isBlank()) {
            where.append(" and c.account = :account");
        }
        return where.toString();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Staff staff, AlertQuery query) {
        spec = Visibility.bind(spec, staff);
        return query.account() == null || query.account().isBlank() ? spec : spec.bind("account", query.account().strip());
    }

    private static Alert alert(Readable row) {
        OffsetDateTime cleared = row.get("cleared_at", OffsetDateTime.class);
        return new Alert(row.get("id", Long.class), row.get("customer_id", Long.class), row.get("account", String.class),
                row.get("name", String.class), AlertRule.valueOf(row.get("rule", String.class)),
                row.get("subject", String.class), row.get("details", String.class),
                row.get("raised_at", OffsetDateTime.class).toInstant(), cleared == null ? null : cleared.toInstant(),
                row.get("cleared_reason", String.class), row.get("cleared_by", String.class));
    }

    // --- acknowledging ------------------------------------------------------------------------------------------

    /**
     * Cleared by the user (a failed mail seen to, an alert dismissed): it leaves the badges and the bell, and is not
     * raised again while its condition lasts. An alert already cleared stays as it is. {@link UnknownAlert} for an
     * alert of an account the user does not see.
     */
    public Mono<Alert> acknowledge(Staff staff, long id) {
        return find(staff, id)
                .flatMap(current -> evaluation.lock(staff.tenantId())
                        .then(db.sql("""
                                        update alert set cleared_at = now(), cleared_reason = 'ACKNOWLEDGED',
                                               cleared_by = :user
                                        where id = :id and tenant_id = :tenant and cleared_at is null""")
                                .bind("user", staff.userId()).bind("id", id).bind("tenant", staff.tenantId())
                                .fetch().rowsUpdated())
                        .flatMap(n -> n == 0 ? Mono.just(0L) : events.appendSeveral(Actor.of(staff), staff.tenantId(),
                                EventType.ALERT_CLEARED, Evaluation.CLEARED_EVENTS,
                                Map.of("alerts", new Long[] {id})))
                        .then(find(staff, id))
                        .as(tx::transactional));
    }

    /** One alert of an account the user sees. */
    public Mono<Alert> find(Staff staff, long id) {
        return Visibility.bind(db.sql(SELECT + " where a.tenant_id = :v_tenant and a.id = :id and ("
                        + Visibility.CONDITION + ")"), staff)
                .bind("id", id)
                .map((row, meta) -> alert(row)).one()
                .switchIfEmpty(Mono.error(() -> new UnknownAlert(id)));
    }

    // --- rules --------------------------------------------------------------------------------------------------

    /** The company's rules, in the order of {@link AlertRule}. */
    public Mono<List<RuleSetting>> settings(long tenantId) {
        return db.sql("""
                        select r.rule, r.enabled,
                               case when r.rule = 'OLD_ITEM_WITHOUT_STATUS' then t.old_items_days else r.days end as days
                        from alert_rule r join tenant t on t.id = r.tenant_id
                        where r.tenant_id = :tenant""")
                .bind("tenant", tenantId)
                .map((row, meta) -> new RuleSetting(AlertRule.valueOf(row.get("rule", String.class)),
                        row.get("enabled", Boolean.class), row.get("days", Integer.class)))
                .all().collectList()
                .map(list -> {
                    Map<AlertRule, RuleSetting> byRule = new EnumMap<>(AlertRule.class);
                    list.forEach(s -> byRule.put(s.rule(), s));
                    return List.copyOf(byRule.values());
                });
    }

    /**
     * Changes some rules (the others keep their settings); administrators only. The tenant's alerts are brought in
     * line at once in the same transaction: a rule switched off clears its alerts, new days raise or clear.
     */
    public Mono<List<RuleSetting>> update(Staff admin, List<RuleSetting> changes) {
        if (!admin.isAdmin()) {
            return Mono.error(new AccessDeniedException("Only an administrator changes the alert rules"));
        }
        Set<AlertRule> seen = EnumSet.noneOf(AlertRule.class);
        for (RuleSetting change : changes) {
            if (change.rule() == null) {
                return Mono.error(new InvalidAlertSetting("rule", null, "Name the rule ("
                        + List.of(AlertRule.values()) + ")"));
            }
            if (!seen.add(change.rule())) {
                return Mono.error(new InvalidAlertSetting("rule", change.rule().name(),
                        "Rule " + change.rule() + " is given twice"));
            }
            AlertRule rule = change.rule();
            if (change.days() != null && !rule.hasDays()) {
                return Mono.error(new InvalidAlertSetting("days", rule.name(), "Rule " + rule + " has no days"));
            }
            if (change.days() != null && (change.days() < rule.minDays() || change.days() > rule.maxDays())) {
                return Mono.error(new InvalidAlertSetting("days", rule.name(), "The days of " + rule + " must be between "
                        + rule.minDays() + " and " + rule.maxDays() + ", got " + change.days()));
            }
        }
        long tenant = admin.tenantId();
        return evaluation.lock(tenant)
                .thenMany(Flux.fromIterable(changes).concatMap(change -> save(tenant, change)))
                .then(evaluation.run(tenant, null, today()))
                .then(settings(tenant))
                .as(tx::transactional);
    }

    private Mono<Long> save(long tenant, RuleSetting change) {
        GenericExecuteSpec rule = db.sql("""
                        update alert_rule set enabled = coalesce(:enabled, enabled),
                               days = case when :ownDays then coalesce(:days, days) else days end
                        where tenant_id = :tenant and rule = :rule""")
                .bind("tenant", tenant).bind("rule", change.rule().name())
                .bind("ownDays", change.rule() != AlertRule.OLD_ITEM_WITHOUT_STATUS);
        rule = change.enabled() == null ? rule.bindNull("enabled", Boolean.class) : rule.bind("enabled", change.enabled());
        rule = change.days() == null ? rule.bindNull("days", Integer.class) : rule.bind("days", change.days());
        Mono<Long> saved = rule.fetch().rowsUpdated();
        if (change.rule() == AlertRule.OLD_ITEM_WITHOUT_STATUS && change.days() != null) {
            // the company's one "old item" threshold, which the agenda's warning uses too
            saved = saved.then(db.sql("update tenant set old_items_days = :days where id = :tenant")
                    .bind("days", change.days()).bind("tenant", tenant).fetch().rowsUpdated());
        }
        return saved;
    }

    // --- evaluating ---------------------------------------------------------------------------------------------

    /**
     * Evaluates the rules for these accounts of the tenant ({@code null}: all), as of today, after a change that may
     * raise or end alerts; waits for any evaluation of the tenant going on. Emits the numbers raised and cleared.
     */
    public Mono<long[]> evaluate(long tenantId, Collection<Long> customerIds) {
        return evaluate(tenantId, customerIds, today()).map(o -> new long[] {o.raised(), o.cleared()});
    }

    Mono<Evaluation.Outcome> evaluate(long tenantId, Collection<Long> customerIds, LocalDate today) {
        if (customerIds != null && customerIds.isEmpty()) {
            return Mono.just(Evaluation.Outcome.NONE);
        }
        return evaluation.lock(tenantId)
                .then(evaluation.run(tenantId, customerIds, today))
                .as(tx::transactional);
    }

    /** Every tenant, each in its own transaction; a tenant another instance is evaluating is skipped. */
    Mono<Evaluation.Outcome> evaluateAll(LocalDate today) {
        return db.sql("select id from tenant order by id").map((row, meta) -> row.get("id", Long.class)).all()
                .concatMap(tenant -> evaluation.tryLock(tenant)
                        .flatMap(locked -> locked ? evaluation.run(tenant, null, today) : Mono.just(Evaluation.Outcome.NONE))
                        .as(tx::transactional))
                .reduce(Evaluation.Outcome.NONE, Evaluation.Outcome::plus);
    }

    /** The tenants, for the event triggers. */
    Flux<Long> tenants() {
        return db.sql("select id from tenant order by id").map((row, meta) -> row.get("id", Long.class)).all();
    }
}
