package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.importer.ImportFixtures.Tenant;
import org.opendso.tenant.Companies;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The watched inbox, driven pass by pass (the schedule itself is Spring's). */
@IntegrationTest
@Import(TestTenants.class)
class ImportInboxIT {

    @Autowired
    ImportService imports;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper json;

    @Autowired
    Companies companies;

    @Autowired
    Users users;

    @TempDir
    Path inbox;

    ImportFixtures fixtures;
    ImportInbox watcher;

    @BeforeEach
    void setUp() {
        fixtures = new ImportFixtures(companies, users, db);
        watcher = new ImportInbox(imports, connections, db, json, inbox, Duration.ZERO);
    }

    private Path drop(Tenant t, ImportKind kind, String fixture, String name) throws IOException {
        Path dir = Files.createDirectories(inbox.resolve(String.valueOf(t.id())).resolve(kind.path()));
        return Files.write(dir.resolve(name), ImportFixtures.bytes(fixture));
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString().replaceFirst("^\\d{8}-\\d{6}-", "")).sorted().toList();
        }
    }

    @Test
    void filesAreImportedInOrderAndSetAsideWithTheirReports() throws IOException {
        Tenant t = fixtures.tenant();
        drop(t, ImportKind.ITEMS, "items-snapshot-day1.csv", "2026-03-01.csv");
        drop(t, ImportKind.ITEMS, "items-snapshot-day2.csv", "2026-03-02.csv");
        drop(t, ImportKind.ITEMS, "items-bad-lines.csv", "2026-03-03.csv");
        drop(t, ImportKind.CUSTOMERS, "customers-comma-cp1252.csv", "clients.csv");

        watcher.poll().as(StepVerifier::create).expectNext(4).verifyComplete();

        Path items = inbox.resolve(String.valueOf(t.id())).resolve("items");
        assertThat(names(items.resolve("processed"))).containsExactly(
                "2026-03-01.csv", "2026-03-01.csv.report.json", "2026-03-02.csv", "2026-03-02.csv.report.json");
        assertThat(names(items.resolve("failed"))).containsExactly("2026-03-03.csv", "2026-03-03.csv.report.json");
        assertThat(names(items)).containsExactly("failed", "processed");
        try (Stream<Path> failed = Files.list(items.resolve("failed"))) {
            Path report = failed.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            assertThat(Files.readString(report)).contains("\"state\" : \"REJECTED\"").contains("\"line\" : 5");
        }
        // day 2 came after day 1: S-2 is closed
        assertThat(fixtures.item(t.id(), "S-2").closed()).isTrue();
        assertThat(fixtures.count("""
                select count(*) from import_run where tenant_id = :t and source = 'INBOX' and user_id is null""", t.id()))
                .isEqualTo(4);
        assertThat(fixtures.text("select name from customer where tenant_id = :t and account = :k", t.id(), "CP-001"))
                .isEqualTo("Société Générale");

        watcher.poll().as(StepVerifier::create).expectNext(0).verifyComplete();
    }

    @Test
    void aTenantFolderLockedByAnotherInstanceIsLeftForIt() throws IOException {
        Tenant t = fixtures.tenant();
        Path file = drop(t, ImportKind.ITEMS, "items-snapshot-day1.csv", "day1.upsert.csv");
        // another instance holds the folder's lock on its own session
        Mono.usingWhen(Mono.from(connections.create()),
                        c -> Mono.from(c.createStatement("select pg_advisory_lock(" + ImportInbox.LOCK_CLASS + ", " + t.id() + ")")
                                        .execute())
                                .flatMap(r -> Mono.from(r.getRowsUpdated()))
                                .then(watcher.poll())
                                .flatMap(n -> Mono.from(c.createStatement("select pg_advisory_unlock(" + ImportInbox.LOCK_CLASS
                                        + ", " + t.id() + ")").execute()).flatMap(r -> Mono.from(r.getRowsUpdated())).thenReturn(n)),
                        c -> Mono.from(c.close()))
                .as(StepVerifier::create).expectNext(0).verifyComplete();
        assertThat(file).exists();

        watcher.poll().as(StepVerifier::create).expectNext(1).verifyComplete();
        assertThat(file).doesNotExist();
        assertThat(fixtures.text("select mode from import_run where tenant_id = :t and file_name = :k", t.id(), "day1.upsert.csv"))
                .isEqualTo("UPSERT");
    }

    @Test
    void fileNamesChooseModeAndPartial() {
        assertThat(ImportInbox.request(ImportKind.ITEMS, "x.csv").mode()).isEqualTo(ImportMode.SNAPSHOT);
        assertThat(ImportInbox.request(ImportKind.ITEMS, "x.UPSERT.csv").mode()).isEqualTo(ImportMode.UPSERT);
        assertThat(ImportInbox.request(ImportKind.CUSTOMERS, "x.partial.csv").partial()).isTrue();
        assertThat(ImportInbox.request(ImportKind.CUSTOMERS, "x.csv").mode()).isEqualTo(ImportMode.UPSERT);
    }
}
