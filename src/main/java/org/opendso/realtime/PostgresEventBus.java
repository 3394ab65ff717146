package org.opendso.realtime;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * The LISTEN/NOTIFY bus: one dedicated connection per instance (not taken from the pool) listens on the event
 * and presence channels and fans each notification out to per-account and per-tenant sinks, which exist only
 * while someone subscribes. Emission happens on the one listening thread; each subscriber buffers on its own
 * side, so a slow one never holds the others back.
 */
@Component
class PostgresEventBus implements EventBus, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresEventBus.class);
    static final String PRESENCE = "opendso_presence";
    static final String APPLICATION_NAME = "opendso event bus";
    private static final Duration PING_EVERY = Duration.ofSeconds(30);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionFactory connections;
    private final DatabaseClient db;
    private final Map<Long, Channel> accounts = new ConcurrentHashMap<>();
    private final Map<Long, Channel> tenants = new ConcurrentHashMap<>();
    private final Sinks.Many<String> broadcasts = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<Long> reconnections = Sinks.many().multicast().directBestEffort();
    private final AtomicLong connects = new AtomicLong();
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private volatile Disposable listening;

    PostgresEventBus(ConnectionFactory connections, DatabaseClient db) {
        this.connections = connections;
        this.db = db;
    }

    /** Sinks of one key, alive while it has subscribers. */
    private static final class Channel {
        final Sinks.Many<AccountEvent> sink = Sinks.many().multicast().directBestEffort();
        final AtomicInteger subscribers = new AtomicInteger();
    }

    @Override
    public Flux<AccountEvent> account(long customerId) {
        return subscribe(accounts, customerId);
    }

    @Override
    public Flux<AccountEvent> tenant(long tenantId) {
        return subscribe(tenants, tenantId);
    }

    private static Flux<AccountEvent> subscribe(Map<Long, Channel> channels, long key) {
        return Flux.defer(() -> {
            Channel channel = channels.compute(key, (k, c) -> {
                Channel result = c == null ? new Channel() : c;
                result.subscribers.incrementAndGet();
                return result;
            });
            return channel.sink.asFlux().doFinally(signal -> channels.computeIfPresent(key,
                    (k, c) -> c.subscribers.decrementAndGet() == 0 ? null : c));
        });
    }

    @Override
    public Flux<Long> reconnections() {
        return reconnections.asFlux();
    }

    @Override
    public Mono<Void> broadcast(String message) {
        return db.sql("select pg_notify('" + PRESENCE + "', :message)").bind("message", message).then();
    }

    @Override
    public Flux<String> broadcasts() {
        return broadcasts.asFlux();
    }

    @Override
    public void start() {
        listening = Flux.defer(this::listen)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Event bus connection lost ({}); reconnecting",
                                s.failure().toString())))
                .subscribe();
        try {
            // the application is ready only once it hears events; a subscriber arriving earlier would wait for a resync
            if (!firstConnect.await(15, TimeUnit.SECONDS)) { // allowed-blocking: startup thread
                log.warn("Event bus not connected after 15 s; live updates start when it is");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One listening session; completes or fails when the connection ends, and is then started again. */
    private Flux<Void> listen() {
        return Flux.usingWhen(dedicatedConnection(), connection -> {
            PostgresqlConnection pg = (PostgresqlConnection) connection;
            // named, so that operators (and a test) can find the listening session in pg_stat_activity
            return pg.createStatement("SET application_name = '" + APPLICATION_NAME + "'; LISTEN " + EventLog.CHANNEL
                            + "; LISTEN " + PRESENCE).execute()
                    .flatMap(result -> result.getRowsUpdated()).then()
                    .doOnSuccess(ignored -> connected())
                    .thenMany(Flux.merge(
                            pg.getNotifications()
                                    .concatMap(this::resolve)
                                    .doOnNext(this::emit)
                                    .thenMany(Flux.<Void>error(new IllegalStateException("notification stream ended"))),
                            alive(pg)));
        }, Connection::close);
    }

    /**
     * Fails when the listening connection stops answering. A connection cut without a TCP reset (a firewall
     * dropping idle flows, a failed-over server) would otherwise stay silent for ever and no reconnection, hence
     * no catching up, would happen.
     */
    private static Flux<Void> alive(PostgresqlConnection pg) {
        return Flux.interval(PING_EVERY, PING_EVERY)
                .concatMap(tick -> Flux.from(pg.createStatement("select 1").execute())
                        .concatMap(result -> result.map((row, meta) -> 1))
                        .then()
                        .timeout(PING_TIMEOUT, Mono.error(() -> new IllegalStateException(
                                "listening connection did not answer within " + PING_TIMEOUT))))
                .thenMany(Flux.empty());
    }

    /** A connection of its own: a pooled one would be taken away from the pool for ever. */
    @SuppressWarnings("unchecked")
    private Mono<? extends Connection> dedicatedConnection() {
        ConnectionFactory factory = connections;
        while (factory instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            factory = inner;
        }
        return Mono.from(factory.create());
    }

    private void connected() {
        long n = connects.incrementAndGet();
        if (n > 1) {
            log.info("Event bus reconnected; subscribers catch up from the event table");
        }
        firstConnect.countDown();
        reconnections.tryEmitNext(n);
    }

    /** Turns a notification into an event; one too large for NOTIFY is read from the table, if anyone listens. */
    private Mono<Object> resolve(Notification notification) {
        String message = notification.getParameter();
        if (message == null) {
            return Mono.empty();
        }
        if (PRESENCE.equals(notification.getName())) {
            return Mono.just(message);
        }
        try {
            JsonNode n = EventJson.read(message);
            long customerId = n.get("c").asLong();
            long tenantId = n.get("t").asLong();
            if (!accounts.containsKey(customerId) && !tenants.containsKey(tenantId)) {
                return Mono.empty();
            }
            if (n.has("p")) {
                return Mono.just(EventJson.event(n.get("i").asLong(), tenantId, customerId, n.get("a").asString(),
                        n.get("s").asLong(), EventType.valueOf(n.get("y").asString()), n.get("p").toString(),
                        n.get("u").isNull() ? null : n.get("u").asLong(), n.get("n").asString(),
                        OffsetDateTime.parse(n.get("at").asString()).toInstant()));
            }
            return db.sql(EventLog.SELECT + " where e.customer_id = :customer and e.seq = :seq")
                    .bind("customer", customerId)
                    .bind("seq", n.get("s").asLong())
                    .map((row, meta) -> (Object) EventLog.event(row))
                    .one();
        } catch (RuntimeException e) {
            log.warn("Ignoring unreadable event notification: {}", e.toString());
            return Mono.empty();
        }
    }

    private void emit(Object resolved) {
        if (resolved instanceof String presence) {
            broadcasts.tryEmitNext(presence);
            return;
        }
        AccountEvent event = (AccountEvent) resolved;
        Channel account = accounts.get(event.customerId());
        if (account != null) {
            account.sink.tryEmitNext(event);
        }
        Channel tenant = tenants.get(event.tenantId());
        if (tenant != null) {
            tenant.sink.tryEmitNext(event);
        }
    }

    @Override
    public void stop() {
        Disposable d = listening;
        if (d != null) {
            d.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable d = listening;
        return d != null && !d.isDisposed();
    }
}
