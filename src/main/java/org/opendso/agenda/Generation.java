package org.opendso.agenda;

import java.time.LocalDate;
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
 * Set-based generation of the next collection action of every account of a tenant (or of some accounts), in four
 * statements whatever the number of accounts: obsolete the waiting actions that no longer match, insert the
 * missing ones (logging ACTION_PLANNED per account), the same for old-items warnings. The rules are in decision
 * 0011. Runs in the caller's transaction, which must hold the tenant's generation lock (see {@link #lock}).
 */
@Component
class Generation {

    /** Arbitrary constant, first key of the per-tenant generation lock (the second is the tenant id). */
    static final int LOCK = 0x0D50_0002;

    static final Actor SYSTEM = Actor.system("Collection scenario");


    /**
     * The accounts in scope and their scenario; overdue accounts; the anchor (oldest overdue invoice still
     * chased: not paused by a status whose follow-up date is ahead, not in an open specific action); the last
     * step done or skipped in the account's scenario; and the target: the step each account should be waiting on.
     */
    private static final String TARGET = """
            with acc as (
                select c.id as customer_id, coalesce(c.scenario_id, d.id) as scenario_id
                from customer c
                left join scenario d on d.tenant_id = c.tenant_id and d.is_default
                where c.tenant_id = :tenant %s),
            -- one pass over the accounts' overdue items: the overdue amount, and the anchor among the items still
            -- chased (as two CTEs, the second read the items again and the planner, misjudging the first's size,
            -- hashed all of open_item for a run over 1,000 accounts: 1.3 s instead of a few ms)
            balance as (
                select o.customer_id, sum(o.open_amount) as amount,
                       min(o.due_date) filter (where o.type = 'INVOICE' and o.open_amount > 0
                           and (o.status_id is null or o.follow_up_date is null or o.follow_up_date <= :today)
                           and ex.open_item_id is null) as anchor_date
                from open_item o
                join acc on acc.customer_id = o.customer_id
                -- distinct: an item in two open specific actions is still one item to add up
                left join (select distinct si.open_item_id from specific_action_item si
                           join specific_action sa on sa.id = si.action_id
                           where sa.tenant_id = :tenant and sa.state = 'OPEN') ex on ex.open_item_id = o.id
                where o.tenant_id = :tenant and o.closed_at is null and o.due_date < :today
                group by o.customer_id
                having sum(o.open_amount) > 0),
            handled as (
                select distinct on (a.customer_id) a.customer_id, a.anchor_date, a.step_position
                from collection_action a join acc on acc.customer_id = a.customer_id
                where a.tenant_id = :tenant and a.scenario_id = acc.scenario_id and a.state in ('DONE', 'SKIPPED')
                  and a.kind <> 'OLD_ITEMS_WARNING' and a.step_position is not null
                order by a.customer_id, a.done_at desc nulls last, a.id desc),
            -- materialized: the obsoleting statement reads it in a correlated "not exists", which would otherwise
            -- recompute it for every waiting action (a second run over 10k accounts took 82 s instead of 1)
            target as materialized (
                select distinct on (n.customer_id) n.customer_id, acc.scenario_id, s.id as step_id,
                       s.position, s.kind, s.mode, s.template_code, n.anchor_date,
                       n.anchor_date + s.offset_days as due_date, n.amount
                from balance n
                join acc on acc.customer_id = n.customer_id
                join scenario_step s on s.tenant_id = :tenant and s.scenario_id = acc.scenario_id
                left join handled h on h.customer_id = n.customer_id
                -- same anchor: the step after the last one handled; a new anchor: the latest step already due,
                -- else the first step
                where n.anchor_date is not null
                  and (h.anchor_date is distinct from n.anchor_date or s.position > h.step_position)
                order by n.customer_id,
                         case when h.anchor_date = n.anchor_date then 0
                              when n.anchor_date + s.offset_days <= :today then 0 else 1 end,
                         case when h.anchor_date = n.anchor_date then s.position
                              when n.anchor_date + s.offset_days <= :today then -s.position else s.position end)
            """;

    /**
     * The scenario edited (decision 0010 replaces its steps, and the actions' step_id went null): a waiting action
     * still at the same position, of the same kind, takes the new step's mode and template (and the state that goes
     * with the mode), so that a step switched off AUTO is not sent by itself, nor an internal note to a customer.
     */
    private static final String ADOPT = TARGET + """
            update collection_action a
            set step_id = t.step_id, mode = t.mode, template_code = t.template_code,
                state = case when t.mode = 'AUTO_WITH_CONFIRMATION' then 'TO_CONFIRM' else 'PLANNED' end,
                version = a.version + 1
            from target t
            where a.tenant_id = :tenant and a.state in ('PLANNED', 'TO_CONFIRM') and a.kind <> 'OLD_ITEMS_WARNING'
              and a.customer_id = t.customer_id and a.scenario_id = t.scenario_id and a.step_position = t.position
              and a.anchor_date = t.anchor_date and a.step_id is null and a.replaces_id is null and a.kind = t.kind""";

    private static final String OBSOLETE = TARGET + """
            update collection_action a set state = 'OBSOLETE', version = a.version + 1
            where a.tenant_id = :tenant and a.state in ('PLANNED', 'TO_CONFIRM') and a.kind <> 'OLD_ITEMS_WARNING'
              and a.customer_id in (select customer_id from acc)
              and not exists (select 1 from target t where t.customer_id = a.customer_id
                              and t.scenario_id = a.scenario_id and t.position = a.step_position
                              and t.anchor_date = a.anchor_date
                              -- the scenario edited (its steps replaced, same-kind actions adopted the new step
                              -- just before): another kind at that position now; a collector's replacement stays
                              and (a.step_id = t.step_id or a.replaces_id is not null))""";

    private static final String PLAN = TARGET + """
            insert into collection_action (tenant_id, customer_id, scenario_id, step_id, step_position, kind, mode,
                                           template_code, anchor_date, due_date, assignee_id, state, amount)
            select :tenant, t.customer_id, t.scenario_id, t.step_id, t.position, t.kind, t.mode, t.template_code,
                   t.anchor_date, t.due_date,
                   (select ca.user_id from customer_assignment ca
                    where ca.tenant_id = :tenant and ca.customer_id = t.customer_id and ca.role = 'COLLECTOR'
                    order by ca.user_id limit 1),
                   case when t.mode = 'AUTO_WITH_CONFIRMATION' then 'TO_CONFIRM' else 'PLANNED' end, t.amount
            from target t
            on conflict (customer_id, (kind = 'OLD_ITEMS_WARNING')) where state in ('PLANNED', 'TO_CONFIRM') do nothing
            returning customer_id, jsonb_build_object('actionId', id, 'kind', kind, 'dueDate', due_date,
                      'state', state, 'scenarioId', scenario_id, 'step', step_position) as payload""";

    /** Invoices overdue for longer than the tenant's setting, with no status and in no open specific action. */
    private static final String OLD = """
            with acc as (
                select c.id as customer_id from customer c where c.tenant_id = :tenant %s),
            old as materialized (
                select o.customer_id, min(o.due_date) as anchor_date, sum(o.open_amount) as amount
                from open_item o join acc on acc.customer_id = o.customer_id
                where o.tenant_id = :tenant and o.closed_at is null and o.type = 'INVOICE' and o.open_amount > 0
                  and o.status_id is null
                  and o.due_date < :today - (select t.old_items_days from tenant t where t.id = :tenant)
                  and not exists (select 1 from specific_action_item si
                                  join specific_action sa on sa.id = si.action_id
                                  where si.open_item_id = o.id and sa.tenant_id = :tenant and sa.state = 'OPEN')
                group by o.customer_id)
            """;

    private static final String OBSOLETE_WARNINGS = OLD + """
            update collection_action a set state = 'OBSOLETE', version = a.version + 1
            where a.tenant_id = :tenant and a.state in ('PLANNED', 'TO_CONFIRM') and a.kind = 'OLD_ITEMS_WARNING'
              and a.customer_id in (select customer_id from acc)
              and not exists (select 1 from old where old.customer_id = a.customer_id)""";

    /** A warning handled (done or skipped) for the same oldest item is not raised again. */
    private static final String WARN = OLD + """
            insert into collection_action (tenant_id, customer_id, kind, anchor_date, due_date, assignee_id, amount)
            select :tenant, old.customer_id, 'OLD_ITEMS_WARNING', old.anchor_date, :today,
                   (select ca.user_id from customer_assignment ca
                    where ca.tenant_id = :tenant and ca.customer_id = old.customer_id and ca.role = 'COLLECTOR'
                    order by ca.user_id limit 1),
                   old.amount
            from old
            where not exists (select 1 from collection_action h where h.tenant_id = :tenant
                              and h.customer_id = old.customer_id and h.kind = 'OLD_ITEMS_WARNING'
                              and h.state in ('DONE', 'SKIPPED') and h.anchor_date = old.anchor_date)
            on conflict (customer_id, (kind = 'OLD_ITEMS_WARNING')) where state in ('PLANNED', 'TO_CONFIRM') do nothing
            returning customer_id, jsonb_build_object('actionId', id, 'kind', kind, 'dueDate', due_date,
                      'state', state, 'anchorDate', anchor_date) as payload""";

    private final DatabaseClient db;
    private final EventLog events;

    Generation(DatabaseClient db, EventLog events) {
        this.db = db;
        this.events = events;
    }

    /** Waits for the tenant's generation lock, held until the transaction ends: one generation at a time. */
    Mono<Void> lock(long tenantId) {
        return db.sql("select pg_advisory_xact_lock(:key, cast(:tenant as integer))")
                .bind("key", LOCK).bind("tenant", tenantId).then();
    }

    /** Takes the tenant's generation lock if free; false if another instance or caller holds it. */
    Mono<Boolean> tryLock(long tenantId) {
        return db.sql("select pg_try_advisory_xact_lock(:key, cast(:tenant as integer)) as locked")
                .bind("key", LOCK).bind("tenant", tenantId)
                .map((row, meta) -> row.get("locked", Boolean.class)).one();
    }

    /**
     * Takes the tenant's change marks (see migration V4_9): the accounts whose items, specific actions, scenario or
     * settings changed since the last claim. Call with the tenant's lock held, in the transaction of the run that
     * regenerates them, so that a failed run leaves the marks in place.
     */
    Mono<List<Long>> claimChanges(long tenantId) {
        return db.sql("""
                        with claimed as (delete from agenda_change where tenant_id = :tenant returning customer_id)
                        select distinct customer_id from claimed""")
                .bind("tenant", tenantId)
                .map((row, meta) -> row.get("customer_id", Long.class))
                .all().collectList();
    }

    /** The tenants with change marks waiting. */
    Flux<Long> tenantsWithChanges() {
        return db.sql("select distinct tenant_id from agenda_change order by tenant_id")
                .map((row, meta) -> row.get("tenant_id", Long.class)).all();
    }

    /**
     * Brings the waiting actions of the accounts ({@code null}: all the tenant's) in line with the rules as of
     * {@code today}; emits the number of actions planned (scenario steps and warnings).
     */
    Mono<Long> run(long tenantId, Collection<Long> customerIds, LocalDate today) {
        String scope = customerIds == null ? "" : "and c.id = any(:ids)";
        Map<String, Object> binds = new HashMap<>();
        binds.put("today", today);
        if (customerIds != null) {
            binds.put("ids", customerIds.toArray(Long[]::new));
        }
        return update(ADOPT.formatted(scope), tenantId, binds)
                .then(update(OBSOLETE.formatted(scope), tenantId, binds))
                .then(events.appendEach(SYSTEM, tenantId, EventType.ACTION_PLANNED, PLAN.formatted(scope), binds))
                .flatMap(planned -> update(OBSOLETE_WARNINGS.formatted(scope), tenantId, binds)
                        .then(events.appendEach(SYSTEM, tenantId, EventType.ACTION_PLANNED, WARN.formatted(scope),
                                binds))
                        .map(warned -> planned + warned));
    }

    private Mono<Long> update(String sql, long tenantId, Map<String, Object> binds) {
        GenericExecuteSpec spec = db.sql(sql).bind("tenant", tenantId);
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.fetch().rowsUpdated();
    }
}
