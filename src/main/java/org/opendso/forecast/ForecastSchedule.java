package org.opendso.forecast;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When the forecast is recomputed besides the live refreshes of {@link ForecastFeed}: in full once a day (late
 * items' expected dates move with the date) and at start when today's rebuild is missing, taking the week's
 * snapshot on its first run; and every few seconds for the tenants with changes nobody looked at (an import with
 * no page open). Each tenant by one instance at a time (its advisory lock; a busy tenant is skipped this round).
 */
@Component
class ForecastSchedule {

    private static final Logger log = LoggerFactory.getLogger(ForecastSchedule.class);

    private final Forecasts forecasts;
    private final boolean onStart;

    ForecastSchedule(Forecasts forecasts, @Value("${opendso.forecast.on-start:true}") boolean onStart) {
        this.forecasts = forecasts;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (onStart) {
            daily();
        }
    }

    @Scheduled(cron = "${opendso.forecast.daily-cron:0 5 0 * * *}")
    void daily() {
        forecasts.tenants()
                .concatMap(t -> forecasts.rebuildIfStale(t, forecasts.today())
                        .onErrorResume(e -> {
                            log.warn("Rebuilding the forecast of tenant {} failed", t, e);
                            return Mono.empty();
                        }))
                .subscribe(done -> { }, e -> log.warn("The daily forecast run failed", e));
    }

    @Scheduled(cron = "${opendso.forecast.catch-up-cron:*/15 * * * * *}")
    void catchUp() {
        forecasts.tenantsWithChanges()
                .concatMap(t -> forecasts.refreshIfFree(t).onErrorResume(e -> {
                    log.warn("Refreshing the forecast of tenant {} failed", t, e);
                    return Mono.empty();
                }))
                .subscribe(n -> { }, e -> log.warn("The forecast catch-up failed", e));
    }
}
