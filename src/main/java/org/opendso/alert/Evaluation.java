package org.opendso.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Set-based evaluation of the alert rules for a tenant (or some of its accounts): per rule one statement that ends
 * the alerts whose condition is over (or whose rule is switched off) and raises those missing, then one statement
 * logging ALERT_RAISED and one ALERT_CLEARED per alert, whatever the number of accounts. Idempotent: the partial
 * unique index on the condition's alert makes a second run raise nothing. Runs in the caller's transaction, which
 * must hold the tenant's alert lock (see {@link #lock}). The conditions are in decision 0015.
 */
@Component
class Evaluation {

    /** Arbitrary constant, first key of the per-tenant alert lock (the second is the tenant id). */
    static final int LOCK = 0x0D50_0015;

    static final Actor SYSTEM = Actor.system("Alerts");

    /** Each rule's condition: rows (customer_id, subject, details) for the accounts in scope, none when switched off. */
    private static final Map<AlertRule, String> CONDITIONS = Map.of(
            AlertRule.PROMISE_BROKEN, """
                    select o.customer_id, o.id::text as subject,
                           jsonb_build_object('itemId', o.id, 'number', o.number, 'promisedDate', o.follow_up_date,
                                              'openAmount', o.open_amount, 'currency', o.currency, 'status', s.code,
                                              'days', r.days) as details
                    from open_item o
                    join customer c on c.id = o.customer_id and c.tenant_id = :tenant
                    join item_status s on s.id = o.status_id and s.tenant_id = :tenant and s.category = 'PROMISE_TO_PAY'
                    join alert_rule r on r.tenant_id = :tenant and r.rule = 'PROMISE_BROKEN' and r.enabled
                    where o.tenant_id = :tenant and o.closed_at is null and o.open_amount > 0
                      and o.follow_up_date is not null and o.follow_up_date + r.days < :today %s""",
            AlertRule.NO_ACTION, """
                    with overdue as (
                        select o.customer_id, sum(o.open_amount) as amount, min(o.due_date) as oldest
                        from open_item o join customer c on c.id = o.customer_id and c.tenant_id = :tenant
                        where o.tenant_id = :tenant and o.closed_at is null and o.due_date < :today %s
                        group by o.customer_id
                        having sum(o.open_amount) > 0),
                    last as (
                        select v.customer_id, v.amount, v.oldest,
                               greatest((select max(a.done_at) from collection_action a
                                         where a.tenant_id = :tenant and a.customer_id = v.customer_id
                                           and a.state = 'DONE'),
                                        (select max(sa.completed_at) from specific_action sa
                                         where sa.tenant_id = :tenant and sa.customer_id = v.customer_id
                                           and sa.state = 'COMPLETED')) as action_at
                        from overdue v)
                    select l.customer_id, 'account' as subject,
                           jsonb_build_object('overdue', l.amount, 'currency', c.currency, 'oldestOverdue', l.oldest,
                                              'lastActionAt', l.action_at,
                                              'since', greatest(l.oldest, l.action_at::date), 'days', r.days) as details
                    from last l
                    join customer c on c.id = l.customer_id
                    join alert_rule r on r.tenant_id = :tenant and r.rule = 'NO_ACTION' and r.enabled
                    where greatest(l.oldest, l.action_at::date) < :today - r.days""",
            AlertRule.OLD_ITEM_WITHOUT_STATUS, """
                    select o.customer_id, o.id::text as subject,
                           jsonb_build_object('itemId', o.id, 'number', o.number, 'dueDate', o.due_date,
                                              'openAmount', o.open_amount, 'currency', o.currency,
                                              'days', t.old_items_days) as details
                    from open_item o
                    join customer c on c.id = o.customer_id and c.tenant_id = :tenant
                    join tenant t on t.id = :tenant
                    join alert_rule r on r.tenant_id = :tenant and r.rule = 'OLD_ITEM_WITHOUT_STATUS' and r.enabled
                    where o.tenant_id = :tenant and o.closed_at is null and o.open_amount > 0 and o.status_id is null
                      and o.due_date < :today - t.old_items_days %s""",
            AlertRule.MAIL_FAILED, """
                    select m.customer_id, m.id::text as subject,
                           jsonb_build_object('mailId', m.id, 'to', m.recipient, 'subject', m.subject,
                                              'error', m.last_error, 'attempts', m.attempts) as details
                    from mail_outbox m
                    join customer c on c.id = m.customer_id and c.tenant_id = :tenant
                    join alert_rule r on r.tenant_id = :tenant and r.rule = 'MAIL_FAILED' and r.enabled
                    where m.tenant_id = :tenant and m.state = 'FAILED' %s
                      and not exists (select 1 from mail_outbox n
                                      where n.tenant_id = :tenant and n.customer_id = m.customer_id and n.id > m.id
                                        and n.state = 'SENT')""");

    /**
     * One rule: ends the alerts of the scope whose condition no longer holds (RESOLVED, or DISABLED when the rule is
     * off; an alert a user acknowledged keeps its reason), raises the missing ones. Returns the ids raised (R) and
     * the ids that were still shown and are now cleared (C).
     */
    private static final String RUN = """
            with cond as (%s),
            ended as (
                update alert a set ended_at = now(), cleared_at = coalesce(a.cleared_at, now()),
                       cleared_reason = coalesce(a.cleared_reason, case when r.enabled then 'RESOLVED' else 'DISABLED' end)
                from alert o, alert_rule r
                where o.id = a.id and r.tenant_id = :tenant and r.rule = :rule
                  and a.tenant_id = :tenant and a.rule = :rule and a.ended_at is null %s
                  and not exists (select 1 from cond where cond.customer_id = a.customer_id and cond.subject = a.subject)
                returning a.id, o.cleared_at is null as was_open),
            raised as (
                insert into alert (tenant_id, customer_id, rule, subject, details)
                select :tenant, cond.customer_id, :rule, cond.subject, cond.details from cond
                on conflict (tenant_id, customer_id, rule, subject) where ended_at is null do nothing
                returning id)
            select 'R' as kind, id from raised
            union all
            select 'C' as kind, id from ended where was_open""";

    /** The events' payloads: what a screen needs to redraw a badge without reading the alert. */
    static final String RAISED_EVENTS = """
            select a.customer_id, a.id as ord,
                   jsonb_build_object('alertId', a.id, 'rule', a.rule, 'subject', a.subject, 'details', a.details)
                   as payload
            from alert a where a.tenant_id = :tenant and a.id = any(:alerts)""";

    static final String CLEARED_EVENTS = """
            select a.customer_id, a.id as ord,
                   jsonb_build_object('alertId', a.id, 'rule', a.rule, 'subject', a.subject, 'details', a.details,
                                      'reason', a.cleared_reason) as payload
            from alert a where a.tenant_id = :tenant and a.id = any(:alerts)""";

    /** What a run changed. */
    record Outcome(long raised, long cleared) {
        static final Outcome NONE = new Outcome(0, 0);

        Outcome plus(Outcome o) {
            return new Outcome(raised + o.raised, cleared + o.cleared);
        }
    }

    private final DatabaseClient db;
    private final EventLog events;

    Evaluation(DatabaseClient db, EventLog events) {
        this.db = db;
        this.events = events;
    }

    /** Waits for the tenant's alert lock, held until the transaction ends: one evaluation at a time. */
    Mono<Void> lock(long tenantId) {
        return db.sql("select pg_advisory_xact_lock(:key, cast(:tenant as integer))")
                .bind("key", LOCK).bind("tenant", tenantId).then();
    }

    /** Takes the tenant's alert lock if free; false if another instance or caller holds it. */
    Mono<Boolean> tryLock(long tenantId) {
        return db.sql("select pg_try_advisory_xact_lock(:key, cast(:tenant as integer)) as locked")
                .bind("key", LOCK).bind("tenant", tenantId)
                .map((row, meta) -> row.get("locked", Boolean.class)).one();
    }

    /** Brings the alerts of the accounts ({@code null}: all the tenant's) in line with the rules as of {@code today}. */
    Mono<Outcome> run(long tenantId, Collection<Long> customerIds, LocalDate today) {
        String scopeCustomer = customerIds == null ? "" : "and c.id = any(:ids)";
        String scopeAlert = customerIds == null ? "" : "and a.customer_id = any(:ids)";
        Map<String, Object> binds = new HashMap<>();
        binds.put("today", today);
        if (customerIds != null) {
            binds.put("ids", customerIds.toArray(Long[]::new));
        }
        List<Long> raised = new ArrayList<>();
        List<Long> cleared = new ArrayList<>();
        return Flux.fromArray(AlertRule.values())
                .concatMap(rule -> {
                    String sql = RUN.formatted(CONDITIONS.get(rule).formatted(scopeCustomer), scopeAlert);
                    GenericExecuteSpec spec = bind(db.sql(sql), sql, tenantId, binds).bind("rule", rule.name());
                    return spec.map((row, meta) -> {
                        long id = row.get("id", Long.class);
                        (("R".equals(row.get("kind", String.class))) ? raised : cleared).add(id);
                        return id;
                    }).all();
                })
                .then(Mono.defer(() -> log(tenantId, EventType.ALERT_RAISED, RAISED_EVENTS, raised)))
                .then(Mono.defer(() -> log(tenantId, EventType.ALERT_CLEARED, CLEARED_EVENTS, cleared)))
                .then(Mono.fromSupplier(() -> new Outcome(raised.size(), cleared.size())));
    }

    private Mono<Long> log(long tenantId, EventType type, String rows, List<Long> alerts) {
        if (alerts.isEmpty()) {
            return Mono.just(0L);
        }
        return events.appendSeveral(SYSTEM, tenantId, type, rows, Map.of("alerts", alerts.toArray(Long[]::new)));
    }

    /** Binds the values the statement names (a rule without dates has no {@code :today}). */
    private static GenericExecuteSpec bind(GenericExecuteSpec spec, String sql, long tenantId, Map<String, Object> binds) {
        spec = spec.bind("tenant", tenantId);
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            if (sql.contains(":" + b.getKey())) {
                spec = spec.bind(b.getKey(), b.getValue());
            }
        }
        return spec;
    }
}
