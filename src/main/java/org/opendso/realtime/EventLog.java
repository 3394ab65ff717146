package org.opendso.realtime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to an account's log. Call it inside the transaction of the change (the caller's
 * {@code TransactionalOperator}): the event then exists exactly when the change does, and its NOTIFY is
 * delivered on commit only. Taking the next seq locks the account row, which also orders concurrent writers
 * on one account.
 */
@Service
public class EventLog {

    static final String CHANNEL = "opendso_events";
    /** NOTIFY payloads are limited to 8000 bytes; a larger event is announced by its key and read from the table. */
    static final int INLINE_LIMIT = 7900;

    private final DatabaseClient db;

    EventLog(DatabaseClient db) {
        this.db = db;
    }

    /** One event; empty if the account does not exist in that tenant. */
    public Mono<AccountEvent> append(Actor actor, long tenantId, long customerId, EventType type, Object payload) {
        GenericExecuteSpec spec = db.sql("""
                        with s as (
                            update customer set event_seq = event_seq + 1
                            where id = :customer and tenant_id = :tenant
                            returning id, tenant_id, account, event_seq),
                        e as (
                            insert into event (tenant_id, customer_id, seq, type, payload, actor_id, actor_name)
                            select tenant_id, id, event_seq, :type, cast(:payload as jsonb), :actorId, :actorName from s
                            returning id, tenant_id, customer_id, seq, type, payload, actor_id, actor_name, created_at),
                        m as (
                            select e.*, s.account, json_build_object('i', e.id, 't', e.tenant_id, 'c', e.customer_id,
                                   'a', s.account, 's', e.seq, 'y', e.type, 'u', e.actor_id, 'n', e.actor_name,
                                   'at', e.created_at, 'p', e.payload)::text as msg
                            from e join s on s.id = e.customer_id)
                        select m.id, m.tenant_id, m.customer_id, m.account, m.seq, m.type, m.payload::text as payload,
                               m.actor_id, m.actor_name, m.created_at,
                               pg_notify('opendso_events', case when octet_length(m.msg) <= :limit then m.msg
                                   else json_build_object('i', m.id, 't', m.tenant_id, 'c', m.customer_id, 's', m.seq)::text
                                   end) as notified
                        from m""")
                .bind("customer", customerId)
                .bind("tenant", tenantId)
                .bind("type", type.name())
                .bind("payload", payload instanceof String s ? s : EventJson.write(payload))
                .bind("actorName", actor.name())
                .bind("limit", INLINE_LIMIT);
        spec = actor.userId() == null ? spec.bindNull("actorId", Long.class) : spec.bind("actorId", actor.userId());
        return spec.map((row, meta) -> EventLog.event(row)).one();
    }

    /** Several events of one actor, in order (e.g. a qualification, its mail and its action). */
    public Flux<AccountEvent> appendAll(Actor actor, long tenantId, long customerId, List<Pending> events) {
        return Flux.fromIterable(events).concatMap(p -> append(actor, tenantId, customerId, p.type(), p.payload()));
    }

    /**
     * One event per account, set-based (e.g. an import's summary for each account it touched): {@code perAccount}
     * is a select of {@code customer_id} and {@code payload} (jsonb) rows, at most one per account; the accounts
     * are restricted to the tenant here. Runs in the caller's transaction. Emits the number of events written.
     */
    public Mono<Long> appendEach(Actor actor, long tenantId, EventType type, String perAccount, Map<String, Object> binds) {
        GenericExecuteSpec spec = db.sql("""
                        with p as (%s),
                        s as (
                            update customer c set event_seq = c.event_seq + 1 from p
                            where c.id = p.customer_id and c.tenant_id = :tenant
                            returning c.id, c.tenant_id, c.account, c.event_seq),
                        e as (
                            insert into event (tenant_id, customer_id, seq, type, payload, actor_id, actor_name)
                            select s.tenant_id, s.id, s.event_seq, :type, p.payload, :actorId, :actorName
                            from s join p on p.customer_id = s.id
                            returning id, tenant_id, customer_id, seq, type, payload, actor_id, actor_name, created_at),
                        m as (
                            select e.*, json_build_object('i', e.id, 't', e.tenant_id, 'c', e.customer_id,
                                   'a', s.account, 's', e.seq, 'y', e.type, 'u', e.actor_id, 'n', e.actor_name,
                                   'at', e.created_at, 'p', e.payload)::text as msg
                            from e join s on s.id = e.customer_id)
                        select count(pg_notify('opendso_events', case when octet_length(m.msg) <= :limit then m.msg
                                   else json_build_object('i', m.id, 't', m.tenant_id, 'c', m.customer_id, 's', m.seq)::text
                                   end)) as n
                        from m""".formatted(perAccount))
                .bind("tenant", tenantId)
                .bind("type", type.name())
                .bind("actorName", actor.name())
                .bind("limit", INLINE_LIMIT);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        spec = actor.userId() == null ? spec.bindNull("actorId", Long.class) : spec.bind("actorId", actor.userId());
        return spec.map((row, meta) -> row.get("n", Long.class)).one();
    }

    /**
     * Like {@link #appendEach}, but an account may have several events (e.g. the alerts a rule raised on it, one
     * event each): {@code rows} is a select of {@code customer_id}, {@code payload} (jsonb) and {@code ord} (their
     * order within the account). Each account's seq moves once by its number of events. Runs in the caller's
     * transaction; emits the number of events written.
     */
    public Mono<Long> appendSeveral(Actor actor, long tenantId, EventType type, String rows, Map<String, Object> binds) {
        GenericExecuteSpec spec = db.sql("""
                        with p as (
                            select customer_id, payload,
                                   row_number() over (partition by customer_id order by ord) as rn,
                                   count(*) over (partition by customer_id) as n
                            from (%s) r),
                        k as (select customer_id, max(n) as n from p group by customer_id),
                        s as (
                            update customer c set event_seq = c.event_seq + k.n from k
                            where c.id = k.customer_id and c.tenant_id = :tenant
                            returning c.id, c.tenant_id, c.account, c.event_seq, k.n),
                        e as (
                            insert into event (tenant_id, customer_id, seq, type, payload, actor_id, actor_name)
                            select s.tenant_id, s.id, s.event_seq - s.n + p.rn, :type, p.payload, :actorId, :actorName
                            from s join p on p.customer_id = s.id
                            order by s.id, p.rn
                            returning id, tenant_id, customer_id, seq, type, payload, actor_id, actor_name, created_at),
                        m as (
                            select e.*, json_build_object('i', e.id, 't', e.tenant_id, 'c', e.customer_id,
                                   'a', s.account, 's', e.seq, 'y', e.type, 'u', e.actor_id, 'n', e.actor_name,
                                   'at', e.created_at, 'p', e.payload)::text as msg
                            from e join s on s.id = e.customer_id)
                        select count(pg_notify('opendso_events', case when octet_length(m.msg) <= :limit then m.msg
                                   else json_build_object('i', m.id, 't', m.tenant_id, 'c', m.customer_id, 's', m.seq)::text
                                   end)) as n
                        from (select * from m order by customer_id, seq) m""".formatted(rows))
                .bind("tenant", tenantId)
                .bind("type", type.name())
                .bind("actorName", actor.name())
                .bind("limit", INLINE_LIMIT);
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        spec = actor.userId() == null ? spec.bindNull("actorId", Long.class) : spec.bind("actorId", actor.userId());
        return spec.map((row, meta) -> row.get("n", Long.class)).one();
    }

    /** An event still to be appended. */
    public record Pending(EventType type, Object payload) {
    }

    static final String SELECT = """
            select e.id, e.tenant_id, e.customer_id, c.account, e.seq, e.type, e.payload::text as payload,
                   e.actor_id, e.actor_name, e.created_at
            from event e join customer c on c.id = e.customer_id""";

    static AccountEvent event(io.r2dbc.spi.Readable row) {
        OffsetDateTime at = row.get("created_at", OffsetDateTime.class);
        return EventJson.event(
                row.get("id", Long.class),
                row.get("tenant_id", Long.class),
                row.get("customer_id", Long.class),
                row.get("account", String.class),
                row.get("seq", Long.class),
                EventType.valueOf(row.get("type", String.class)),
                row.get("payload", String.class),
                row.get("actor_id", Long.class),
                row.get("actor_name", String.class),
                at == null ? Instant.now() : at.toInstant());
    }
}
