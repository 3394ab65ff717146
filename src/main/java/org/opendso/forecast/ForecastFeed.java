package org.opendso.forecast;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opendso.realtime.EventBus;
import org.opendso.realtime.EventType;
import org.opendso.report.ReportFilter;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The forecast, live, for every open page and dashboard card of this instance. Per tenant, the events that may move
 * money (everything but mails, alerts, contacts and portal links) are gathered for {@code opendso.forecast.coalesce}
 * (300 ms): then one refresh of the marked accounts, after which each distinct view of the forecast (same
 * visibility, same filter) is read once and handed to all pages showing it. A burst of 10,000 events is one refresh
 * and one read per view. Nothing is followed while no page is open.
 */
@Component
public class ForecastFeed {

    private static final Logger log = LoggerFactory.getLogger(ForecastFeed.class);

    /** Events that never change items, receipts or what the filters select. */
    static final Set<EventType> IGNORED = Set.of(EventType.MAIL_QUEUED, EventType.MAIL_SENT, EventType.MAIL_FAILED,
            EventType.ALERT_RAISED, EventType.ALERT_CLEARED, EventType.CONTACT_CHANGED, EventType.PORTAL_LINK_CREATED,
            EventType.PORTAL_LINK_REVOKED, EventType.COMMENT_ADDED, EventType.LETTER_PRINTED, EventType.CALL_LOGGED,
            EventType.DOCUMENT_ATTACHED);

    private final Forecasts forecasts;
    private final EventBus bus;
    private final Duration coalesce;
    private final Map<Long, Flux<Long>> refreshes = new ConcurrentHashMap<>();
    private final Map<View, Flux<Forecast>> views = new ConcurrentHashMap<>();
    private final AtomicLong refreshCount = new AtomicLong();
    private final AtomicLong readCount = new AtomicLong();

    ForecastFeed(Forecasts forecasts, EventBus bus, @Value("${opendso.forecast.coalesce:300ms}") Duration coalesce) {
        this.forecasts = forecasts;
        this.bus = bus;
        this.coalesce = coalesce;
    }

    /** Who sees the same accounts with the same filter sees the same forecast. */
    private record View(long tenantId, String scope, ReportFilter filter) {
    }

    /** The forecast now, then after every change of the tenant that may move it, until cancelled. */
    public Flux<Forecast> follow(Staff staff, ReportFilter filter) {
        String scope = staff.role() == Role.ADMIN ? "admin" : staff.role() + ":" + staff.userId();
        View view = new View(staff.tenantId(), scope, filter);
        return views.computeIfAbsent(view, v -> Flux.concat(Mono.just(0L), refreshes(staff.tenantId()))
                .onBackpressureLatest()
                .concatMap(tick -> (tick == 0L ? forecasts.current(staff, filter) : forecasts.read(staff, filter,
                                forecasts.today()))
                        .doOnSubscribe(s -> readCount.incrementAndGet())
                        .onErrorResume(e -> {
                            log.warn("Reading the live forecast of tenant {} failed", v.tenantId(), e);
                            return Mono.empty();
                        }), 1)
                .doFinally(signal -> views.remove(v))
                .replay(1)
                .refCount());
    }

    /**
     * Emits after each refresh that follows the tenant's changes (at most one per coalescing window, shared): the
     * signal the receipts and credit risk pages re-read on.
     */
    public Flux<Long> changes(long tenantId) {
        return refreshes(tenantId);
    }

    private Flux<Long> refreshes(long tenantId) {
        return refreshes.computeIfAbsent(tenantId, t -> Flux.merge(
                        bus.tenant(t).filter(e -> !IGNORED.contains(e.type())).map(e -> 1L),
                        bus.reconnections().map(n -> 1L))
                // kept before the hand-over, or the bus (best effort) drops what publishOn cannot hold during a
                // refresh; beyond this, the next batch is a refresh anyway
                .onBackpressureBuffer(100_000, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
                .publishOn(Schedulers.boundedElastic())
                .buffer(coalesce)
                .filter(batch -> !batch.isEmpty())
                .onBackpressureLatest()
                .concatMap(batch -> forecasts.refresh(t)
                        .doOnSubscribe(s -> refreshCount.incrementAndGet())
                        .onErrorResume(e -> {
                            log.warn("Refreshing the forecast of tenant {} failed", t, e);
                            return Mono.just(0);
                        })
                        .map(n -> System.nanoTime()), 1)
                // subscribers may read the database again: never on the driver's event loop
                .publishOn(Schedulers.boundedElastic())
                .doFinally(signal -> refreshes.remove(t))
                .share());
    }

    /** Refreshes run for live views since start (tests and the benchmark read it). */
    long refreshCount() {
        return refreshCount.get();
    }

    /** Forecast reads for live views since start. */
    long readCount() {
        return readCount.get();
    }
}
