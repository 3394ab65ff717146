package org.opendso.importer;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The watched inbox, for a daily automatic sync from an ERP (or an SFTP drop folder). On when
 * {@code opendso.import.inbox} names a directory; polled every {@code opendso.import.inbox-poll} (default
 * one minute). Layout:
 * <pre>
 * &lt;inbox&gt;/&lt;tenant id&gt;/customers/*.csv
 * &lt;inbox&gt;/&lt;tenant id&gt;/contacts/*.csv
 * &lt;inbox&gt;/&lt;tenant id&gt;/items/*.csv
 * </pre>
 * Per tenant, customers are imported first, then contacts, then items; within a folder, files in name order
 * (so {@code 2026-03-01.csv} before {@code 2026-03-02.csv}). A file is left alone until it has not changed
 * for {@code opendso.import.inbox-settle} (default 10 s: it may still be uploading). Each file is imported
 * with the kind's default mode (items: snapshot) and all-or-nothing; a name containing {@code .upsert.},
 * {@code .snapshot.} or {@code .partial.} says otherwise (e.g. {@code items.upsert.partial.csv}). Afterwards it
 * is moved to {@code processed/} (imported) or {@code failed/} (rejected or failed) beside it, renamed
 * {@code <yyyyMMdd-HHmmss>-<name>}, with {@code <that name>.report.json} next to it; the run is in the
 * Imports page too, without a user.
 * <p>
 * Several instances may watch the same (shared) inbox: a tenant's folder is processed by whichever instance
 * gets {@code pg_try_advisory_lock} for it on a dedicated connection; the others skip it this round.
 */
@Component
@ConditionalOnProperty("opendso.import.inbox")
class ImportInbox {

    private static final Logger log = LoggerFactory.getLogger(ImportInbox.class);

    /** Advisory lock class of inbox folders (not the class of imports, which the import itself takes). */
    static final int LOCK_CLASS = 0x0D52;

    private static final List<ImportKind> ORDER = List.of(ImportKind.CUSTOMERS, ImportKind.CONTACTS, ImportKind.ITEMS);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ImportService imports;
    private final ConnectionFactory connections;
    private final DatabaseClient db;
    private final JsonMapper json;
    private final Path root;
    private final Duration settle;
    private final Clock clock;

    ImportInbox(ImportService imports, ConnectionFactory connections, DatabaseClient db, JsonMapper json,
                @Value("${opendso.import.inbox}") Path root,
                @Value("${opendso.import.inbox-settle:PT10S}") Duration settle) {
        this.imports = imports;
        this.connections = connections;
        this.db = db;
        this.json = json;
        this.root = root;
        this.settle = settle;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${opendso.import.inbox-poll:PT1M}")
    void scheduled() {
        // a scheduler thread, not an event loop: waiting here keeps two polls of one instance from overlapping
        try {
            Integer done = poll().block(Duration.ofHours(6));
            if (done != null && done > 0) {
                log.info("Inbox: {} file(s) imported or set aside", done);
            }
        } catch (RuntimeException e) {
            log.warn("Inbox poll failed", e);
        }
    }

    /** One pass over the inbox; the number of files handled. */
    Mono<Integer> poll() {
        return Mono.fromCallable(this::tenantFolders)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(folder -> tenantExists(folder.tenantId()).flatMap(exists -> exists
                        ? locked(folder.tenantId(), processTenant(folder))
                        : Mono.fromRunnable(() -> log.warn("Inbox folder {} names no tenant", folder.path()))
                                .thenReturn(0)))
                .reduce(0, Integer::sum);
    }

    private record TenantFolder(long tenantId, Path path) {
    }

    private List<TenantFolder> tenantFolders() throws IOException {
        List<TenantFolder> folders = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return folders;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.matches("\\d{1,18}")) {
                    folders.add(new TenantFolder(Long.parseLong(name), dir));
                }
            }
        }
        folders.sort((a, b) -> Long.compare(a.tenantId(), b.tenantId()));
        return folders;
    }

    private Mono<Boolean> tenantExists(long tenantId) {
        return db.sql("select exists(select 1 from tenant where id = :id) as e").bind("id", tenantId)
                .map(row -> row.get("e", Boolean.class)).one();
    }

    /** Runs {@code work} only if this instance holds the tenant's inbox lock; 0 files otherwise. */
    private Mono<Integer> locked(long tenantId, Mono<Integer> work) {
        return Mono.usingWhen(Mono.from(connections.create()),
                connection -> lock(connection, "pg_try_advisory_lock", tenantId)
                        .flatMap(got -> got ? work : Mono.just(0)),
                // the pool keeps the session: the lock must be given back explicitly
                connection -> lock(connection, "pg_advisory_unlock", tenantId).onErrorResume(e -> Mono.just(false))
                        .then(Mono.from(connection.close())));
    }

    private static Mono<Boolean> lock(Connection connection, String function, long tenantId) {
        return Flux.from(connection.createStatement("select " + function + "(" + LOCK_CLASS + ", $1) as locked")
                        .bind("$1", (int) tenantId).execute())
                .concatMap(result -> result.map((row, meta) -> Boolean.TRUE.equals(row.get("locked", Boolean.class))))
                .next()
                .defaultIfEmpty(false);
    }

    private Mono<Integer> processTenant(TenantFolder folder) {
        return Flux.fromIterable(ORDER)
                .concatMap(kind -> Mono.fromCallable(() -> readyFiles(folder.path().resolve(kind.path())))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(file -> importFile(folder.tenantId(), kind, file)))
                .count()
                .map(Long::intValue);
    }

    private List<Path> readyFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        Instant settled = clock.instant().minus(settle);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.{csv,CSV,txt,TXT}")) {
            for (Path file : entries) {
                if (Files.isRegularFile(file) && !Files.getLastModifiedTime(file).toInstant().isAfter(settled)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private Mono<ImportReport> importFile(long tenantId, ImportKind kind, Path file) {
        String name = file.getFileName().toString();
        ImportRequest request = request(kind, name);
        log.info("Inbox: importing {} for tenant {} ({} {})", file, tenantId, request.mode(),
                request.partial() ? "partial" : "all or nothing");
        return imports.runUnattended(tenantId, request, file)
                .flatMap(report -> Mono.fromCallable(() -> {
                    setAside(file, report);
                    return report;
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    static ImportRequest request(ImportKind kind, String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        ImportMode mode = lower.contains(".upsert.") ? ImportMode.UPSERT
                : lower.contains(".snapshot.") ? ImportMode.SNAPSHOT : kind.defaultMode();
        return new ImportRequest(kind, mode, lower.contains(".partial."), ImportSource.INBOX, fileName);
    }

    private void setAside(Path file, ImportReport report) {
        Path dir = file.resolveSibling(report.succeeded() ? "processed" : "failed");
        String name = STAMP.format(LocalDateTime.now(clock)) + "-" + file.getFileName();
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(name + ".report.json"), json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
