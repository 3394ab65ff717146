package org.opendso.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The pre-aggregates every report reads (decision 0019): the per-account item figures, brought up to date before a
 * read (the accounts marked by a change since, or every account when the figures were aged on another day); the
 * month-end receivables and the weekly qualification snapshots, taken by {@link ReportSchedule}. All of it is
 * set-based SQL in the database (V5_3), under a per-company advisory lock, so several instances may do it at once.
 */
@Service
public class ReportFigures {

    /** Months of month-end receivables kept: a 12-month trend and the beginning receivables of its first month. */
    static final int MONTHS = 13;

    private final DatabaseClient db;
    private final Clock clock;

    ReportFigures(DatabaseClient db, Optional<Clock> clock) {
        this.db = db;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The Monday of the week of that day: the date a weekly snapshot carries. */
    static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Makes the company's figures current: usually one cheap read of its state and marks, nothing to do. The marks
     * are claimed under the company's lock, so a reader that finds some waits for whoever claims them first and then
     * reads what that one wrote.
     */
    public Mono<Void> fresh(long tenantId) {
        LocalDate today = today();
        return db.sql("""
                        select (select figures_as_of from report_state where tenant_id = :tenant) as as_of,
                               exists (select 1 from report_change where tenant_id = :tenant) as marked""")
                .bind("tenant", tenantId)
                .map((row, meta) -> {
                    LocalDate asOf = row.get("as_of", LocalDate.class);
                    return asOf == null || !asOf.equals(today) ? 2 : Boolean.TRUE.equals(row.get("marked", Boolean.class)) ? 1 : 0;
                })
                .one()
                .flatMap(need -> need == 0 ? Mono.empty() : refresh(tenantId, today, need == 2));
    }

    private Mono<Void> refresh(long tenantId, LocalDate today, boolean all) {
        return db.sql("select report_refresh_figures(:tenant, :today, :all)")
                .bind("tenant", tenantId).bind("today", today).bind("all", all)
                .then();
    }

    /** Rebuilds the month-end receivables of the last {@value #MONTHS} months from the items and the receipts. */
    public Mono<Integer> buildMonths(long tenantId) {
        return db.sql("select report_build_months(:tenant, :today, :months) as n")
                .bind("tenant", tenantId).bind("today", today()).bind("months", MONTHS)
                .map((row, meta) -> row.get("n", Integer.class)).one();
    }

    /** Takes this week's qualification snapshot unless taken already (on any instance). */
    public Mono<Integer> takeWeek(long tenantId) {
        return fresh(tenantId).then(db.sql("select report_take_week(:tenant, :week) as n")
                .bind("tenant", tenantId).bind("week", week(today()))
                .map((row, meta) -> row.get("n", Integer.class)).one());
    }

    /** Whether the month-end receivables were built today. */
    Mono<Boolean> monthsBuiltToday(long tenantId) {
        return db.sql("select months_built from report_state where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map((row, meta) -> Optional.ofNullable(row.get("months_built", LocalDate.class)))
                .one()
                .map(built -> built.map(today()::equals).orElse(false))
                .defaultIfEmpty(false);
    }
}
