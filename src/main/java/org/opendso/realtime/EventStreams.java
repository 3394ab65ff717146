package org.opendso.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Replay-then-live streams of the event log. A subscriber first listens live (into a bounded buffer), then
 * reads what it missed from the table, then drains the live buffer: every event arrives once, in seq order.
 * A gap in the live seq (a NOTIFY missed during a reconnection) is read from the table; a subscriber whose
 * buffer overflows is cut from the live feed and resumes from the table where it was. Callers have already
 * checked that the staff member may see the account; the tenant is checked again in every query.
 */
@Service
public class EventStreams {

    /** Live events a subscriber may have pending before it is cut off and made to resume from the table. */
    static final int LAG_LIMIT = 512;

    private final DatabaseClient db;
    private final EventBus bus;

    EventStreams(DatabaseClient db, EventBus bus) {
        this.db = db;
        this.bus = bus;
    }

    /** Events of one account with a seq greater than {@code afterSeq}, then every new one, without end. */
    public Flux<AccountEvent> account(long tenantId, long customerId, long afterSeq) {
        return Flux.defer(() -> {
            long[] last = {afterSeq};
            return Flux.defer(() -> accountOnce(tenantId, customerId, last))
                    .retryWhen(Retry.indefinitely().filter(Exceptions::isOverflow));
        });
    }

    private Flux<AccountEvent> accountOnce(long tenantId, long customerId, long[] last) {
        Flux<AccountEvent> live = Flux.merge(
                        bus.account(customerId).filter(e -> e.tenantId() == tenantId),
                        bus.reconnections().map(n -> RESYNC))
                .onBackpressureBuffer(LAG_LIMIT, dropped -> { }, BufferOverflowStrategy.ERROR);
        return Flux.mergeSequential(replay(tenantId, customerId, last[0]), live)
                .concatMap(e -> {
                    if (e == RESYNC) {
                        return replay(tenantId, customerId, last[0]);
                    }
                    if (e.seq() <= last[0]) {
                        return Flux.empty();
                    }
                    if (e.seq() > last[0] + 1) {
                        return Flux.concat(range(tenantId, customerId, last[0], e.seq()), Flux.just(e));
                    }
                    return Flux.just(e);
                }, 0)
                .filter(e -> {
                    if (e.seq() <= last[0]) {
                        return false;
                    }
                    last[0] = e.seq();
                    return true;
                });
    }

    /** Marks "the bus reconnected: read the table" in a live feed. */
    private static final AccountEvent RESYNC = new AccountEvent(-1, -1, -1, "", -1, EventType.ALERT_RAISED, "{}",
            null, "", java.time.Instant.EPOCH, "{}");

    /** Every event of a tenant after the given event id (0 = live only... see {@link #tenantAfter}), then live. */
    public Flux<AccountEvent> tenant(long tenantId, long afterId, Predicate<AccountEvent> visible) {
        return Flux.defer(() -> {
            Map<Long, Long> lastSeq = new ConcurrentHashMap<>();
            long[] lastId = {afterId};
            return Flux.defer(() -> tenantOnce(tenantId, lastId, lastSeq))
                    .retryWhen(Retry.indefinitely().filter(Exceptions::isOverflow))
                    .filter(visible);
        });
    }

    private Flux<AccountEvent> tenantOnce(long tenantId, long[] lastId, Map<Long, Long> lastSeq) {
        Flux<AccountEvent> live = Flux.merge(bus.tenant(tenantId), bus.reconnections().map(n -> RESYNC))
                .onBackpressureBuffer(LAG_LIMIT * 8, dropped -> { }, BufferOverflowStrategy.ERROR);
        return Flux.mergeSequential(replayTenant(tenantId, lastId[0]), live)
                .concatMap(e -> {
                    if (e == RESYNC) {
                        return replayTenant(tenantId, lastId[0]);
                    }
                    Long seen = lastSeq.get(e.customerId());
                    if (seen != null && e.seq() > seen + 1) {
                        return Flux.concat(range(tenantId, e.customerId(), seen, e.seq()), Flux.just(e));
                    }
                    return Flux.just(e);
                }, 0)
                .filter(e -> {
                    Long seen = lastSeq.get(e.customerId());
                    if (seen != null && e.seq() <= seen) {
                        return false;
                    }
                    lastSeq.put(e.customerId(), e.seq());
                    lastId[0] = Math.max(lastId[0], e.id());
                    return true;
                });
    }

    /**
     * The tenant-stream position of the event {@code account:seq} (its id), for resuming; empty when the
     * account or event is unknown in this tenant.
     */
    public Mono<Long> tenantPosition(long tenantId, String account, long seq) {
        return db.sql("""
                        select e.id from event e join customer c on c.id = e.customer_id
                        where c.tenant_id = :tenant and c.account = :account and e.seq = :seq""")
                .bind("tenant", tenantId).bind("account", account).bind("seq", seq)
                .map((row, meta) -> row.get("id", Long.class))
                .one();
    }

    /** The current end of the tenant stream: subscribing from it gives live events only. */
    public Mono<Long> tenantHead(long tenantId) {
        return db.sql("select coalesce(max(id), 0) as id from event where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map((row, meta) -> row.get("id", Long.class))
                .one();
    }

    /** The seq of the account's latest event (0 when none). */
    public Mono<Long> head(long tenantId, long customerId) {
        return db.sql("select event_seq from customer where tenant_id = :tenant and id = :customer")
                .bind("tenant", tenantId).bind("customer", customerId)
                .map((row, meta) -> row.get("event_seq", Long.class))
                .one()
                .defaultIfEmpty(0L);
    }

    /** The account's history, newest first, optionally filtered (the customer sheet's history tab). */
    public Flux<AccountEvent> history(long tenantId, long customerId, HistoryFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(EventLog.SELECT)
                .append(" where e.tenant_id = :tenant and e.customer_id = :customer");
        if (filter.type() != null) {
            sql.append(" and e.type = :type");
        }
        if (filter.actorId() != null) {
            sql.append(" and e.actor_id = :actor");
        }
        if (filter.itemNumber() != null) {
            sql.append(" and e.payload -> 'items' @> cast(:item as jsonb)");
        }
        sql.append(" order by e.seq desc limit :limit");
        var spec = db.sql(sql.toString()).bind("tenant", tenantId).bind("customer", customerId).bind("limit", limit);
        if (filter.type() != null) {
            spec = spec.bind("type", filter.type().name());
        }
        if (filter.actorId() != null) {
            spec = spec.bind("actor", filter.actorId());
        }
        if (filter.itemNumber() != null) {
            spec = spec.bind("item", EventJson.write(java.util.List.of(Map.of("number", filter.itemNumber()))));
        }
        return spec.map((row, meta) -> EventLog.event(row)).all();
    }

    private Flux<AccountEvent> replay(long tenantId, long customerId, long afterSeq) {
        return db.sql(EventLog.SELECT + " where e.tenant_id = :tenant and e.customer_id = :customer and e.seq > :after"
                        + " order by e.seq")
                .bind("tenant", tenantId).bind("customer", customerId).bind("after", afterSeq)
                .map((row, meta) -> EventLog.event(row))
                .all();
    }

    private Flux<AccountEvent> range(long tenantId, long customerId, long afterSeq, long beforeSeq) {
        return db.sql(EventLog.SELECT + " where e.tenant_id = :tenant and e.customer_id = :customer"
                        + " and e.seq > :after and e.seq < :before order by e.seq")
                .bind("tenant", tenantId).bind("customer", customerId)
                .bind("after", afterSeq).bind("before", beforeSeq)
                .map((row, meta) -> EventLog.event(row))
                .all();
    }

    private Flux<AccountEvent> replayTenant(long tenantId, long afterId) {
        return db.sql(EventLog.SELECT + " where e.tenant_id = :tenant and e.id > :after order by e.id")
                .bind("tenant", tenantId).bind("after", afterId)
                .map((row, meta) -> EventLog.event(row))
                .all();
    }
}
