package org.opendso.realtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.Exceptions;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Replay-then-live streams of the event log.
 * <p>
 * <b>One account</b> (ordered by its gap-free seq): a subscriber first listens live, into a bounded buffer, and only
 * then reads what it missed from the table, so nothing committed in between escapes it; live events it already
 * read are dropped by seq. A gap in the live seq (a NOTIFY missed during a reconnection) is read from the table,
 * and a reconnection of the bus makes it read the table again. A subscriber whose buffer overflows is cut from the
 * live feed and resumes from the table where it was: a slow consumer costs memory up to the limit, then table
 * reads, never the writer's or the other subscribers' time.
 * <p>
 * <b>A whole tenant</b> (ordered by commit, see V3_3__streams.sql): every NOTIFY of the tenant, or a reconnection,
 * is only a signal to read the table after the subscriber's position; signals arriving while it reads collapse into
 * one. Each event is read exactly once, in commit order, and a slow consumer simply reads later.
 * <p>
 * Rows are read a page at a time and the query finishes before the page is emitted, so a slow subscriber never
 * holds a pooled connection. Subscribers receive on {@link Schedulers#boundedElastic()}, never on the bus's
 * listening thread or a database thread. Callers have already checked that the staff member may see the account;
 * the tenant is checked again in every query.
 */
@Service
public class EventStreams {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    /** Rows read per query. */
    static final int PAGE = 256;
    /** Events handed to a subscriber's thread ahead of its demand. */
    private static final int HANDOVER = 32;

    private final DatabaseClient db;
    private final EventBus bus;
    /** Live events a subscriber may have pending before it is cut off and made to resume from the table. */
    private final int lagLimit;
    private final AtomicLong cutOff = new AtomicLong();

    EventStreams(DatabaseClient db, EventBus bus, @Value("${opendso.events.lag-limit:512}") int lagLimit) {
        this.db = db;
        this.bus = bus;
        this.lagLimit = lagLimit;
    }

    /** Events of one account with a seq greater than {@code afterSeq}, then every new one, without end. */
    public Flux<AccountEvent> account(long tenantId, long customerId, long afterSeq) {
        return account(tenantId, customerId, afterSeq, lagLimit);
    }

    Flux<AccountEvent> account(long tenantId, long customerId, long afterSeq, int lagLimit) {
        return Flux.defer(() -> {
                    long[] last = {afterSeq};
                    return Flux.defer(() -> accountOnce(tenantId, customerId, last, lagLimit))
                            .retryWhen(Retry.indefinitely().filter(Exceptions::isOverflow)
                                    .doBeforeRetry(s -> {
                                        cutOff.incrementAndGet();
                                        log.debug("Subscriber of account {} fell {} events behind; resuming from seq {}",
                                                customerId, lagLimit, last[0]);
                                    }));
                })
                .publishOn(Schedulers.boundedElastic(), HANDOVER);
    }

    private Flux<AccountEvent> accountOnce(long tenantId, long customerId, long[] last, int lagLimit) {
        // Flux.merge subscribes in order: the live feed first, then the marker that starts the table read. Reading
        // the table first (or concurrently) would lose an event committed after the read and before the listening.
        Flux<AccountEvent> live = Flux.merge(
                        bus.account(customerId).filter(e -> e.tenantId() == tenantId),
                        bus.reconnections().map(n -> RESYNC),
                        Mono.just(RESYNC))
                .onBackpressureBuffer(lagLimit, dropped -> { }, BufferOverflowStrategy.ERROR);
        return live
                .concatMap(e -> {
                    if (e == RESYNC) {
                        return read(tenantId, customerId, last[0], Long.MAX_VALUE);
                    }
                    if (e.seq() <= last[0]) {
                        return Flux.empty();
                    }
                    if (e.seq() > last[0] + 1) {
                        // seqs are taken under the account's row lock: everything before e committed before e
                        return Flux.concat(read(tenantId, customerId, last[0], e.seq()), Flux.just(e));
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

    /** Marks "read the table" in an account's live feed: at the start and after each reconnection of the bus. */
    private static final AccountEvent RESYNC = new AccountEvent(-1, -1, -1, "", -1, EventType.ALERT_RAISED, "{}",
            null, "", java.time.Instant.EPOCH, "{}");

    /** How many subscribers were cut off for lagging (and resumed from the table) since start. */
    long cutOffCount() {
        return cutOff.get();
    }

    /**
     * Every event of a tenant after the event with id {@code afterId} in commit order (0: from the beginning), then
     * every new one, without end. {@code afterId} comes from {@link #tenantHead} or {@link #tenantPosition}.
     */
    public Flux<AccountEvent> tenant(long tenantId, long afterId, Predicate<AccountEvent> visible) {
        return startOf(tenantId, afterId).flatMapMany(start -> {
                    long[] position = start;
                    return Flux.merge(bus.tenant(tenantId).map(e -> Boolean.TRUE), bus.reconnections().map(n -> Boolean.TRUE),
                                    Mono.just(Boolean.TRUE))
                            .onBackpressureLatest()
                            .concatMap(signal -> catchUp(tenantId, position), 0);
                })
                .filter(visible)
                .publishOn(Schedulers.boundedElastic(), HANDOVER);
    }

    /** (commit position, event id) of an event of the tenant; (0, 0) before the first. */
    private Mono<long[]> startOf(long tenantId, long afterId) {
        if (afterId <= 0) {
            return Mono.just(new long[] {0, 0});
        }
        return db.sql("""
                        select k.pos from event e join event_commit k on k.xid = e.xid and k.tenant_id = e.tenant_id
                        where e.tenant_id = :tenant and e.id = :id""")
                .bind("tenant", tenantId).bind("id", afterId)
                .map((row, meta) -> new long[] {row.get("pos", Long.class), afterId})
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException(
                        "No event " + afterId + " in the event stream of tenant " + tenantId)));
    }

    /** Reads the tenant's events after {@code position}, a page at a time, moving the position as they are emitted. */
    private Flux<AccountEvent> catchUp(long tenantId, long[] position) {
        return Flux.defer(() -> {
            boolean[] full = {false};
            return Flux.defer(() -> tenantPage(tenantId, position[0], position[1])
                            .collectList()
                            .doOnNext(page -> full[0] = page.size() == PAGE)
                            .flatMapIterable(page -> page))
                    .doOnNext(p -> {
                        position[0] = p.pos();
                        position[1] = p.event().id();
                    })
                    .map(Positioned::event)
                    .repeat(() -> full[0]);
        });
    }

    private record Positioned(long pos, AccountEvent event) {
    }

    private Flux<Positioned> tenantPage(long tenantId, long pos, long id) {
        return db.sql("""
                        select e.id, e.tenant_id, e.customer_id, c.account, e.seq, e.type, e.payload::text as payload,
                               e.actor_id, e.actor_name, e.created_at, k.pos
                        from event_commit k
                        join event e on e.xid = k.xid and e.tenant_id = k.tenant_id
                        join customer c on c.id = e.customer_id
                        where k.tenant_id = :tenant and k.pos >= :pos and (k.pos > :pos or e.id > :id)
                        order by k.pos, e.id limit :limit""")
                .bind("tenant", tenantId).bind("pos", pos).bind("id", id).bind("limit", PAGE)
                .map((row, meta) -> new Positioned(row.get("pos", Long.class), EventLog.event(row)))
                .all();
    }

    /**
     * The tenant-stream position of the event {@code account:seq}, for resuming; empty when the account or event is
     * unknown in this tenant.
     */
    public Mono<Long> tenantPosition(long tenantId, String account, long seq) {
        return db.sql("""
                        select e.id from event e join customer c on c.id = e.customer_id
                        where c.tenant_id = :tenant and e.tenant_id = :tenant and c.account = :account and e.seq = :seq""")
                .bind("tenant", tenantId).bind("account", account).bind("seq", seq)
                .map((row, meta) -> row.get("id", Long.class))
                .one();
    }

    /** The current end of the tenant stream (the last event in commit order; 0 when none): live events only. */
    public Mono<Long> tenantHead(long tenantId) {
        return db.sql("""
                        select e.id from event_commit k join event e on e.xid = k.xid and e.tenant_id = k.tenant_id
                        where k.tenant_id = :tenant order by k.pos desc, e.id desc limit 1""")
                .bind("tenant", tenantId)
                .map((row, meta) -> row.get("id", Long.class))
                .one()
                .defaultIfEmpty(0L);
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
            spec = spec.bind("item", EventJson.write(List.of(Map.of("number", filter.itemNumber()))));
        }
        return spec.map((row, meta) -> EventLog.event(row)).all();
    }

    /** Events of the account with afterSeq &lt; seq &lt; beforeSeq, in seq order, a page at a time. */
    private Flux<AccountEvent> read(long tenantId, long customerId, long afterSeq, long beforeSeq) {
        return Flux.defer(() -> {
            long[] from = {afterSeq};
            boolean[] full = {false};
            return Flux.defer(() -> db.sql(EventLog.SELECT
                                    + " where e.tenant_id = :tenant and e.customer_id = :customer"
                                    + " and e.seq > :after and e.seq < :before order by e.seq limit :limit")
                            .bind("tenant", tenantId).bind("customer", customerId)
                            .bind("after", from[0]).bind("before", beforeSeq).bind("limit", PAGE)
                            .map((row, meta) -> EventLog.event(row))
                            .all()
                            .collectList()
                            .doOnNext(page -> {
                                full[0] = page.size() == PAGE;
                                if (!page.isEmpty()) {
                                    from[0] = page.getLast().seq();
                                }
                            })
                            .flatMapIterable(page -> page))
                    .repeat(() -> full[0]);
        });
    }
}
