package org.opendso.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who is looking at which account, across instances: ephemeral messages over the {@link EventBus} with a
 * heartbeat and expiry, never stored in a table.
 * <p>
 * Each local session announces itself ("here") when it joins, on every heartbeat while it is alive, and at once
 * when what it qualifies changes; it says "left" when closed. Every instance hears every message (its own too)
 * but keeps state only for the accounts someone on it watches: a session without a heartbeat for the expiry
 * time is dropped by the sweep, so a tab that vanished without a goodbye disappears within heartbeat + expiry.
 * A first watcher of an account on an instance asks "who" is there, and every instance re-announces its sessions
 * on that account at once instead of waiting for the next heartbeat. Accounts are keyed by tenant and customer:
 * the same id in another tenant is another account.
 */
@Service
public class Presence implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    /** One account of one tenant. */
    record AccountKey(long tenantId, long customerId) {
    }

    private final EventBus bus;
    private final Duration heartbeat;
    private final long expiryMillis;
    private final Duration sweep;
    private final Set<LocalSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<AccountKey, WatchedAccount> watched = new ConcurrentHashMap<>();
    private volatile Disposable.Composite running;

    Presence(EventBus bus,
             @Value("${opendso.presence.heartbeat:3s}") Duration heartbeat,
             @Value("${opendso.presence.expiry:8s}") Duration expiry,
             @Value("${opendso.presence.sweep:1s}") Duration sweep) {
        if (!expiry.minus(heartbeat).isPositive()) {
            throw new IllegalArgumentException("opendso.presence.expiry (" + expiry
                    + ") must be longer than opendso.presence.heartbeat (" + heartbeat + ")");
        }
        this.bus = bus;
        this.heartbeat = heartbeat;
        this.expiryMillis = expiry.toMillis();
        this.sweep = sweep;
    }

    /**
     * Announces the staff member on the account until the session is closed. While {@code alive} answers false
     * (e.g. the browser tab's push connection is lost) the heartbeat pauses, so the others drop the session
     * after the expiry time; it resumes if {@code alive} comes back. The caller closes the session when its view
     * detaches.
     */
    public PresenceSession join(Staff staff, long customerId, BooleanSupplier alive) {
        LocalSession session = new LocalSession(new AccountKey(staff.tenantId(), customerId), staff.userId(),
                staff.name(), alive);
        sessions.add(session);
        session.announce();
        return session;
    }

    /**
     * The current viewers of the account (every session, the caller's own included), sorted by name: emitted at
     * once, then again on every change (arrival, departure, qualifying). Callers have checked that the staff
     * member may see the account.
     */
    public Flux<List<Viewer>> viewers(long tenantId, long customerId) {
        AccountKey key = new AccountKey(tenantId, customerId);
        return Flux.defer(() -> {
            boolean[] first = {false};
            WatchedAccount account = watched.compute(key, (k, existing) -> {
                WatchedAccount result = existing;
                if (result == null) {
                    result = new WatchedAccount(2 * expiryMillis);
                    first[0] = true;
                    seed(k, result);
                }
                result.subscribers.incrementAndGet();
                return result;
            });
            if (first[0]) {
                send(PresenceSignal.who(key));
            }
            return account.lists().doFinally(signal -> watched.computeIfPresent(key,
                    (k, a) -> a.subscribers.decrementAndGet() == 0 ? null : a));
        }).onBackpressureLatest();
    }

    /** A new watch starts with the sessions of this instance, so the own tab shows without a round trip. */
    private void seed(AccountKey key, WatchedAccount account) {
        long now = now();
        for (LocalSession session : sessions) {
            if (session.key.equals(key) && session.isAlive()) {
                account.here(session.signal(session.version.get()), now, expiryMillis);
            }
        }
    }

    private void receive(String message) {
        PresenceSignal.parse(message).ifPresent(this::apply);
    }

    /** Applies a signal from the bus, or from a local session before it reaches the bus. */
    private void apply(PresenceSignal signal) {
        AccountKey key = signal.key();
        if (PresenceSignal.WHO.equals(signal.k())) {
            for (LocalSession session : sessions) {
                if (session.key.equals(key)) {
                    session.announce();
                }
            }
            return;
        }
        WatchedAccount account = watched.get(key);
        if (account == null) {
            return;
        }
        if (PresenceSignal.HERE.equals(signal.k())) {
            long ttl = signal.ttl() == null ? expiryMillis : Math.clamp(signal.ttl(), 100, 60_000);
            account.here(signal, now(), ttl);
        } else {
            account.left(signal.s(), now());
        }
    }

    private void send(PresenceSignal signal) {
        bus.broadcast(signal.json()).subscribe(null,
                error -> log.warn("Presence signal not sent ({}): {}", signal.k(), error.toString()));
    }

    private void heartbeat() {
        for (LocalSession session : sessions) {
            session.announce();
        }
    }

    private void sweep() {
        long now = now();
        watched.values().forEach(account -> account.sweep(now));
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    /** One tab on one account, announced from this instance. */
    private final class LocalSession implements PresenceSession {

        final AccountKey key;
        final String id = UUID.randomUUID().toString();
        final long userId;
        final String name;
        final BooleanSupplier alive;
        final AtomicLong version = new AtomicLong();
        volatile List<String> qualifying = List.of();
        volatile boolean closed;

        LocalSession(AccountKey key, long userId, String name, BooleanSupplier alive) {
            this.key = key;
            this.userId = userId;
            this.name = name;
            this.alive = alive;
        }

        @Override
        public String id() {
            return id;
        }

        boolean isAlive() {
            if (closed) {
                return false;
            }
            try {
                return alive.getAsBoolean();
            } catch (RuntimeException e) {
                log.debug("Presence liveness check failed; treating the session as gone", e);
                return false;
            }
        }

        PresenceSignal signal(long v) {
            return PresenceSignal.here(key, id, userId, name, qualifying, expiryMillis, v);
        }

        /** Here, to this instance at once and to the others through the bus; nothing while not alive. */
        void announce() {
            if (!isAlive()) {
                return;
            }
            PresenceSignal here = signal(version.incrementAndGet());
            apply(here);
            send(here);
        }

        @Override
        public void qualifying(List<String> itemNumbers) {
            qualifying = List.copyOf(itemNumbers);
            announce();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            sessions.remove(this);
            PresenceSignal left = PresenceSignal.left(key, id, version.incrementAndGet());
            apply(left);
            send(left);
        }
    }

    @Override
    public void start() {
        Disposable.Composite all = Disposables.composite();
        all.add(bus.broadcasts().subscribe(this::receive,
                error -> log.error("Presence stopped hearing the bus", error)));
        // after a reconnection, messages may have been missed: ask again instead of waiting for heartbeats
        all.add(bus.reconnections().subscribe(n -> watched.keySet().forEach(key -> send(PresenceSignal.who(key)))));
        all.add(Flux.interval(heartbeat, heartbeat).subscribe(tick -> guarded("heartbeat", this::heartbeat)));
        all.add(Flux.interval(sweep, sweep).subscribe(tick -> guarded("sweep", this::sweep)));
        running = all;
    }

    /** A failing round must not end the timer (an error would cancel the interval for good). */
    private static void guarded(String what, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.warn("Presence {} failed", what, e);
        }
    }

    /** Says goodbye for the sessions of this instance, so the others need not wait for expiry. */
    @Override
    public void stop() {
        Disposable.Composite all = running;
        if (all != null) {
            all.dispose();
        }
        List<Mono<Void>> goodbyes = sessions.stream()
                .map(s -> bus.broadcast(PresenceSignal.left(s.key, s.id, s.version.incrementAndGet()).json())
                        .onErrorComplete())
                .toList();
        sessions.clear();
        if (!goodbyes.isEmpty()) {
            try {
                Mono.when(goodbyes).block(Duration.ofSeconds(2)); // allowed-blocking: shutdown thread
            } catch (IllegalStateException timeout) {
                log.info("Presence goodbyes not all sent at shutdown; the others expire those sessions");
            }
        }
    }

    @Override
    public boolean isRunning() {
        Disposable.Composite all = running;
        return all != null && !all.isDisposed();
    }
}
