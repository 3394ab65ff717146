package org.opendso.alert;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventBus;
import org.opendso.realtime.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * When the rules are evaluated. On a cluster-safe schedule (daily after midnight, when promises expire and items
 * age, and every few minutes; each tenant by one instance at a time), once the application is ready, and shortly
 * after the changes that may raise or end an alert: the live events of each tenant (items qualified or imported,
 * mails sent or failed, actions done) gather the accounts concerned for a moment, then those accounts are
 * evaluated. The events are best effort; the schedule catches whatever they miss. See decision 0015.
 */
@Component
class AlertSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

    /** The events after which an account's alerts may change (never the alerts' own: no loop). */
    static final Set<EventType> TRIGGERS = Set.of(EventType.ITEMS_QUALIFIED, EventType.ITEMS_IMPORTED,
            EventType.STATUS_REPLACED, EventType.MAIL_SENT, EventType.MAIL_FAILED, EventType.ACTION_DONE,
            EventType.ACTION_COMPLETED);

    private final Alerts alerts;
    private final EventBus bus;
    private final boolean onStart;
    private final boolean onEvents;
    private final Duration gather;
    private final Map<Long, Disposable> following = new ConcurrentHashMap<>();
    private volatile boolean running;

    AlertSchedule(Alerts alerts, EventBus bus, @Value("${opendso.alerts.on-start:true}") boolean onStart,
                  @Value("${opendso.alerts.on-events:true}") boolean onEvents,
                  @Value("${opendso.alerts.gather:500ms}") Duration gather) {
        this.alerts = alerts;
        this.bus = bus;
        this.onStart = onStart;
        this.onEvents = onEvents;
        this.gather = gather;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (onStart) {
            catchUp();
        }
    }

    @Scheduled(cron = "${opendso.alerts.daily-cron:0 20 0 * * *}")
    void daily() {
        catchUp();
    }

    /** Also picks up tenants created since the last run for the event triggers. */
    @Scheduled(cron = "${opendso.alerts.catch-up-cron:0 0 * * * *}")
    void catchUp() {
        alerts.evaluateAll(alerts.today()).subscribe(
                o -> log.debug("Alerts: {} raised, {} cleared", o.raised(), o.cleared()),
                e -> log.warn("Alert evaluation failed", e));
        followTenants();
    }

    // --- event triggers -----------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        running = true;
        followTenants();
    }

    @Override
    public synchronized void stop() {
        running = false;
        following.values().forEach(Disposable::dispose);
        following.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts following the live events of each tenant not followed yet. */
    void followTenants() {
        if (!onEvents || !running) {
            return;
        }
        alerts.tenants().collectList().subscribe(this::follow, e -> log.warn("Could not list the tenants", e));
    }

    private synchronized void unfollow(long tenant) {
        following.remove(tenant);
    }

    /** Follows these tenants too (a tenant created since start is followed from the next scheduled run). */
    synchronized void follow(List<Long> tenants) {
        if (!onEvents || !running) {
            return;
        }
        for (long tenant : tenants) {
            following.computeIfAbsent(tenant, t -> bus.tenant(t)
                    .filter(e -> TRIGGERS.contains(e.type()))
                    .map(AccountEvent::customerId)
                    // buffered before the hand-over to another thread, or the bus (best effort) drops what
                    // publishOn's small queue cannot hold while an evaluation runs; a burst beyond this is left to
                    // the schedule
                    .onBackpressureBuffer(100_000, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
                    .publishOn(Schedulers.boundedElastic())
                    .bufferTimeout(1000, gather, true)
                    .concatMap(ids -> alerts.evaluate(t, new HashSet<>(ids), alerts.today())
                            .onErrorResume(e -> {
                                log.warn("Alert evaluation of tenant {} after changes failed", t, e);
                                return Mono.empty();
                            }), 1)
                    // ended (an error, the bus closed): forgotten, so that the next scheduled run follows it again
                    .doFinally(signal -> unfollow(t))
                    .subscribe(o -> log.debug("Alerts of tenant {} after changes: {} raised, {} cleared", t,
                            o.raised(), o.cleared()),
                            e -> log.warn("Following the events of tenant {} for alerts stopped", t, e)));
        }
    }
}
