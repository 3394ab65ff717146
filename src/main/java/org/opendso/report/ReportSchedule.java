package org.opendso.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The snapshots of the past the reports draw trends from, once a day after midnight and at start (the server may
 * have been down then): every company's figures aged as of today, this week's qualification snapshot (once a week:
 * the state row says whether it was taken) and the month-end receivables rebuilt (once a day). Each step holds the
 * company's advisory lock and checks the state again under it, so every instance of a cluster may run this and a
 * company is still done once.
 */
@Component
class ReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

    private final DatabaseClient db;
    private final ReportFigures figures;
    private final boolean onStart;

    ReportSchedule(DatabaseClient db, ReportFigures figures, @Value("${opendso.reports.on-start:true}") boolean onStart) {
        this.db = db;
        this.figures = figures;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (onStart) {
            daily();
        }
    }

    @Scheduled(cron = "${opendso.reports.daily-cron:0 15 0 * * *}")
    void daily() {
        snapshots().subscribe(n -> log.info("Report snapshots taken for {} companies", n),
                e -> log.warn("Report snapshots failed", e));
    }

    Mono<Long> snapshots() {
        return db.sql("select id from tenant order by id").map((row, meta) -> row.get("id", Long.class)).all()
                .concatMap(tenant -> snapshot(tenant).onErrorResume(e -> {
                    log.warn("Report snapshots of company {} failed", tenant, e);
                    return Mono.empty();
                }).thenReturn(tenant))
                .count();
    }

    /** One company: what is missing of today's snapshots. */
    Mono<Void> snapshot(long tenant) {
        return figures.takeWeek(tenant)
                .then(figures.monthsBuiltToday(tenant))
                .flatMap(built -> built ? Mono.empty() : figures.buildMonths(tenant))
                .then();
    }
}
