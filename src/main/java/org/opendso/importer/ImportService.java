package org.opendso.importer;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendso.item.AccountBalances;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports one CSV file of customers, contacts or open items for a tenant.
 * <p>
 * The file is streamed (never held in memory) through {@link StagingFeed} into a temporary staging table with
 * COPY; bad values are reported with their physical line numbers on the way. Then, in the same transaction,
 * a few set-based statements find duplicate keys and unknown references, and merge the staging table into
 * the real tables, counting created/updated/unchanged/closed lines and writing per-account counts. Any bad
 * line without {@code partial} rolls everything back (state REJECTED); an unexpected failure too (FAILED).
 * Every run is recorded in import_run, whatever its outcome. Imports of one tenant run one at a time
 * (transaction-scoped advisory lock), so two snapshots never close each other's items.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** Advisory lock class of imports; the second key is the tenant. */
    static final int LOCK_CLASS = 0x0D51;

    /** Above this many touched accounts one tenant-wide balance refresh is cheaper than a list of ids. */
    private static final int REFRESH_TENANT_ABOVE = 5_000;

    /** From this many lines on, merges are planned as bulk work (see {@link #bulk}). */
    private static final int BULK_LINES = 10_000;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final RunLog runs;
    private final ColumnMappings mappings;
    private final AccountBalances balances;
    private final EventLog events;

    ImportService(DatabaseClient db, TransactionalOperator tx, RunLog runs, ColumnMappings mappings,
                  AccountBalances balances, EventLog events) {
        this.events = events;
        this.db = db;
        this.tx = tx;
        this.runs = runs;
        this.mappings = mappings;
        this.balances = balances;
    }

    /**
     * Imports {@code file} for the staff member's tenant. Admins and collectors only (an AccessDeniedException
     * otherwise). The Mono never fails for a bad file or a database failure: the report says so (REJECTED,
     * FAILED), and the run is on record. The caller owns the file (deletes it if it was a temporary copy).
     */
    public Mono<ImportReport> run(Staff staff, ImportRequest request, Path file, ImportProgress progress) {
        if (staff.role() == Role.SALES_MANAGER) {
            return Mono.error(new AccessDeniedException("Only administrators and collectors import files"));
        }
        return execute(staff.tenantId(), Actor.of(staff), request, file, progress);
    }

    /** A run nobody started by hand (the watched inbox): recorded without a user. */
    Mono<ImportReport> runUnattended(long tenantId, ImportRequest request, Path file) {
        return execute(tenantId, Actor.system("Import"), request, file, ImportProgress.NONE);
    }

    private Mono<ImportReport> execute(long tenantId, Actor actor, ImportRequest request, Path file,
                                       ImportProgress progress) {
        ImportProgress safe = quiet(progress);
        return runs.start(tenantId, actor.userId(), request).flatMap(runId -> mappings.load(tenantId, request.kind())
                .flatMap(mapping -> Mono.using(
                                () -> ImportFile.open(file, request.kind(), mapping),
                                importFile -> tx.transactional(stageAndMerge(runId, tenantId, actor, request, importFile, safe)),
                                ImportFile::close)
                        .subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(FileProblem.class, e -> finish(new ImportReport(runId, request.kind(),
                        ImportState.REJECTED, 0, 0, 0, 0, 0, 0, List.of(), 0, e.getMessage())))
                .onErrorResume(RejectedFile.class, e -> finish(new ImportReport(runId, request.kind(),
                        ImportState.REJECTED, e.lines(), 0, 0, 0, 0, 0, e.rejections().sorted(),
                        e.rejections().count(), "%d line%s rejected: nothing was imported".formatted(
                                e.rejections().count(), e.rejections().count() == 1 ? "" : "s"))))
                .onErrorResume(e -> !(e instanceof AccessDeniedException), e -> {
                    log.error("Import run {} of tenant {} failed", runId, tenantId, e);
                    return finish(new ImportReport(runId, request.kind(), ImportState.FAILED, 0, 0, 0, 0, 0, 0,
                            List.of(), 0, "The import failed and nothing was changed: " + e.getMessage()));
                })
                .doOnNext(report -> safe.update(ImportPhase.DONE, report.lines(), 1.0)));
    }

    private Mono<ImportReport> finish(ImportReport report) {
        return runs.finish(report).thenReturn(report);
    }

    private Mono<ImportReport> stageAndMerge(long runId, long tenantId, Actor actor, ImportRequest request,
                                             ImportFile file, ImportProgress progress) {
        Staging staging = staging(request.kind());
        StagingFeed feed = new StagingFeed(file, staging.lines(file.header()), progress);
        return db.sql("select pg_advisory_xact_lock(:class, :tenant)")
                .bind("class", LOCK_CLASS).bind("tenant", (int) tenantId).then()
                .then(db.sql(staging.create()).then())
                .then(copy(staging, feed))
                .then(Mono.defer(() -> {
                    progress.update(ImportPhase.CHECKING, feed.lines(), 1.0);
                    return check(staging, feed, tenantId);
                }))
                .flatMap(sqlRejected -> {
                    Rejections rejections = feed.rejections();
                    rejections.addAll(sqlRejected);
                    if (!rejections.isEmpty() && !request.partial()) {
                        return Mono.error(new RejectedFile(rejections, feed.lines()));
                    }
                    if (request.kind() == ImportKind.ITEMS && request.mode() == ImportMode.SNAPSHOT
                            && feed.lines() - rejections.count() <= 0) {
                        return Mono.error(new FileProblem("the file has no valid item line; a snapshot of "
                                + "nothing would close every open item (import with mode upsert to change nothing)"));
                    }
                    progress.update(ImportPhase.MERGING, feed.lines(), 1.0);
                    MergeContext context = new MergeContext(runId, tenantId, request.mode(), file.header());
                    return markBad(sqlRejected)
                            .then(dedupe(staging, feed))
                            .flatMap(duplicates -> db.sql("analyze import_stage").then()
                                    .then(bulk(feed.lines()))
                                    .then(staging.merge(db, context))
                                    .map(counts -> succeeded(runId, request, feed, rejections, counts, duplicates)))
                            .flatMap(report -> runs.finish(report)
                                    .then(request.kind() == ImportKind.ITEMS ? refreshBalances(runId, tenantId) : Mono.empty())
                                    .then(announce(runId, tenantId, actor, request, file.header()))
                                    .thenReturn(report));
                });
    }

    /**
     * A large file joins the whole staging table with the tenant's customers and items; the planner, whose
     * statistics do not know yet about the accounts this very transaction created, would pick nested loops
     * (a million index probes: 31 s instead of 15 s re-importing 1M items). Hash joins with room in memory,
     * for this transaction only.
     */
    private Mono<Void> bulk(long lines) {
        if (lines < BULK_LINES) {
            return Mono.empty();
        }
        return db.sql("set local enable_nestloop = off").then()
                .then(db.sql("set local work_mem = '128MB'").then());
    }

    private static ImportReport succeeded(long runId, ImportRequest request, StagingFeed feed, Rejections rejections,
                                          MergeCounts counts, long duplicates) {
        List<String> notes = new ArrayList<>();
        if (duplicates > 0) {
            notes.add("%d duplicate line%s counted once".formatted(duplicates, duplicates == 1 ? "" : "s"));
        }
        if (counts.accountsCreated() > 0) {
            notes.add("%d customer account%s created".formatted(counts.accountsCreated(),
                    counts.accountsCreated() == 1 ? "" : "s"));
        }
        if (!rejections.isEmpty()) {
            notes.add("%d line%s rejected".formatted(rejections.count(), rejections.count() == 1 ? "" : "s"));
        }
        return new ImportReport(runId, request.kind(), ImportState.SUCCEEDED, feed.lines(), counts.created(),
                counts.updated(), counts.unchanged(), counts.closed(), counts.accountsCreated(), rejections.sorted(),
                rejections.count(), notes.isEmpty() ? null : String.join("; ", notes));
    }

    private Mono<Long> copy(Staging staging, StagingFeed feed) {
        String sql = "copy import_stage (" + staging.columns() + ") from stdin";
        return db.inConnection(connection -> postgres(connection).copyIn(sql)
                        .fromMany(feed.chunks().map(Mono::just))
                        .build())
                // COPY only says that the client gave up; the feed knows why (e.g. an unterminated quote)
                .onErrorMap(e -> feed.failure() != null ? feed.failure() : e);
    }

    /** Duplicate keys with different values, then unknown references: both reject lines. */
    private Mono<List<RejectedLine>> check(Staging staging, StagingFeed feed, long tenantId) {
        Mono<List<RejectedLine>> duplicates = !feed.duplicatesSuspected() ? Mono.just(List.of()) : db.sql("""
                        with g as (
                            select %1$s as k, array_agg(s.line order by s.line) as lines,
                                   count(distinct %2$s) as variants, min(%3$s) as label
                            from import_stage s where not s.bad
                            group by 1 having count(*) > 1
                        )
                        select l.line, g.label || ' is also on line'
                               || case when cardinality(g.lines) > 2 then 's ' else ' ' end
                               || array_to_string(array_remove(g.lines, l.line), ', ')
                               || ' with different values' as reason
                        from g cross join unnest(g.lines) l(line)
                        where g.variants > 1""".formatted(staging.key("s"), staging.values("s"), staging.label("s")))
                .map(row -> new RejectedLine(row.get("line", Integer.class), row.get("reason", String.class)))
                .all().collectList();
        return duplicates.flatMap(dup -> staging.references(db, tenantId).collectList().map(refs -> {
            List<RejectedLine> all = new ArrayList<>(dup);
            all.addAll(refs);
            return all;
        }));
    }

    /** Lines rejected by the SQL checks stay staged as bad: a partial snapshot must not close their items. */
    private Mono<Void> markBad(List<RejectedLine> rejected) {
        if (rejected.isEmpty()) {
            return Mono.empty();
        }
        Long[] lines = rejected.stream().map(RejectedLine::line).distinct().toArray(Long[]::new);
        return db.sql("update import_stage set bad = true where line = any(:lines)").bind("lines", lines).then();
    }

    /** Identical duplicate lines count once: all but the first are dropped. */
    private Mono<Long> dedupe(Staging staging, StagingFeed feed) {
        if (!feed.duplicatesSuspected()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        delete from import_stage s using import_stage t
                        where not s.bad and not t.bad and %s = %s and t.line < s.line""".formatted(
                        staging.key("s"), staging.key("t")))
                .fetch().rowsUpdated();
    }

    /**
     * One event per account the import changed, in the import's transaction, so every open customer sheet
     * updates: items imports carry the account's new figures, contacts imports say the contacts changed, customers
 * imports tell the accounts whose scenario they changed.
     */
    private Mono<Void> announce(long runId, long tenantId, Actor actor, ImportRequest request, HeaderMap header) {
        if (request.kind() == ImportKind.CUSTOMERS) {
            return header.has("scenario") ? announceScenarios(tenantId, actor) : Mono.empty();
        }
        String perAccount = switch (request.kind()) {
            case ITEMS -> """
                    select rc.customer_id, jsonb_build_object('importRunId', rc.import_run_id,
                           'created', rc.created, 'updated', rc.updated, 'closed', rc.closed,
                           'balance', coalesce(b.balance, 0), 'overdue', coalesce(b.overdue, 0),
                           'openItems', coalesce(b.open_items, 0), 'oldestOverdue', b.oldest_overdue) as payload
                    from import_run_customer rc left join customer_balance b on b.customer_id = rc.customer_id
                    where rc.import_run_id = :run and rc.created + rc.updated + rc.closed > 0""";
            case CONTACTS -> """
                    select rc.customer_id, jsonb_build_object('importRunId', rc.import_run_id,
                           'created', rc.created, 'updated', rc.updated) as payload
                    from import_run_customer rc
                    where rc.import_run_id = :run and rc.created + rc.updated > 0""";
            case CUSTOMERS -> null;
        };
        if (perAccount == null) {
            return Mono.empty();
        }
        EventType type = request.kind() == ImportKind.ITEMS ? EventType.ITEMS_IMPORTED : EventType.CONTACT_CHANGED;
        return events.appendEach(actor, tenantId, type, perAccount, Map.of("run", runId)).then();
    }

    /** A customers import with a scenario column: one SCENARIO_ASSIGNED event per account whose scenario changed. */
    private Mono<Void> announceScenarios(long tenantId, Actor actor) {
        // the payload Scenarios writes for an explicit assignment
        return events.appendEach(actor, tenantId, EventType.SCENARIO_ASSIGNED, """
                        select customer_id, jsonb_build_object('scenarioId', scenario_id, 'scenario', scenario,
                               'default', false) as payload
                        from %s""".formatted(CustomerStaging.SCENARIO_CHANGES), Map.of()).then();
    }

    private Mono<Void> refreshBalances(long runId, long tenantId) {
        return db.sql("select customer_id from import_run_customer where import_run_id = :run")
                .bind("run", runId)
                .map(row -> row.get("customer_id", Long.class))
                .all().collectList()
                .flatMap(ids -> ids.size() > REFRESH_TENANT_ABOVE
                        ? balances.refreshTenant(tenantId) : balances.refresh(tenantId, ids));
    }

    static Staging staging(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> new CustomerStaging();
            case CONTACTS -> new ContactStaging();
            case ITEMS -> new ItemStaging();
        };
    }

    /** The connection under Spring's transaction-aware proxy and the pool's wrapper: COPY is PostgreSQL's own API. */
    static PostgresqlConnection postgres(Connection connection) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection)) {
            if (current instanceof Wrapped<?> wrapped && wrapped.unwrap() != null && wrapped.unwrap() != current) {
                current = wrapped.unwrap();
            } else {
                throw new IllegalStateException("COPY needs a PostgreSQL connection, got " + connection.getClass());
            }
        }
        return (PostgresqlConnection) current;
    }

    /** A progress listener that throws must not break the import. */
    private static ImportProgress quiet(ImportProgress progress) {
        if (progress == null) {
            return ImportProgress.NONE;
        }
        return (phase, lines, fraction) -> {
            try {
                progress.update(phase, lines, fraction);
            } catch (RuntimeException e) {
                log.debug("Import progress listener failed", e);
            }
        };
    }

}
