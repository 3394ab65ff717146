package org.opendso.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.tenant.Companies;
import org.opendso.user.NewStaffUser;
import org.opendso.user.Users;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Test tenants of their own for import tests (a snapshot import closes every open item of its tenant, so
 * each test that imports items gets a clean one), the fixture files of src/test/resources/import, and a
 * few reads of the database. Setup and assertion code: blocking is fine here.
 */
final class ImportFixtures {

    static final String PASSWORD = "secret-pw";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    /** The tenant whose users the customer fixture files name: imp-marie (collector), imp-paul (sales). */
    private static volatile Tenant shared;

    private final Companies companies;
    private final Users users;
    private final DatabaseClient db;

    ImportFixtures(Companies companies, Users users, DatabaseClient db) {
        this.companies = companies;
        this.users = users;
        this.db = db;
    }

    record Tenant(long id, Staff admin, Staff collector, Staff sales) {
    }

    /** A tenant with no customer, and three users {@code <prefix>-admin/-collector/-sales}. */
    Tenant tenant() {
        String prefix = "imp" + SEQUENCE.incrementAndGet();
        return tenant(prefix, prefix + "-admin", prefix + "-collector", prefix + "-sales");
    }

    synchronized Tenant shared() {
        if (shared == null) {
            shared = tenant("imp-shared", "imp-shared-admin", "imp-marie", "imp-paul");
        }
        return shared;
    }

    private Tenant tenant(String name, String admin, String collector, String sales) {
        long tenant = companies.create("Import test " + name, "EUR", "fr").block();
        return new Tenant(tenant, staff(tenant, admin, Role.ADMIN), staff(tenant, collector, Role.COLLECTOR),
                staff(tenant, sales, Role.SALES_MANAGER));
    }

    private Staff staff(long tenant, String login, Role role) {
        long id = users.bootstrap(tenant, new NewStaffUser(login, "User " + login, login + "@example.com", role, "en",
                PASSWORD)).block();
        return new Staff(tenant, id, login, "User " + login, role, "en");
    }

    /** A fixture file copied to a temporary file, as an upload would be. */
    static Path file(String name) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/import/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            Path file = Files.createTempFile("import-test-", "-" + name);
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path text(String csv) {
        try {
            Path file = Files.createTempFile("import-test-", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/import/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Item(String account, String type, String number, String issueDate, String dueDate, BigDecimal amount,
                BigDecimal openAmount, String currency, String reference, boolean closed, long version) {
    }

    Item item(long tenant, String number) {
        return db.sql("""
                        select c.account, i.type, i.number, i.issue_date::text, i.due_date::text, i.amount,
                               i.open_amount, i.currency, i.reference, i.closed_at is not null as closed, i.version
                        from open_item i join customer c on c.id = i.customer_id
                        where i.tenant_id = :t and i.number = :n""")
                .bind("t", tenant).bind("n", number)
                .map((r, m) -> new Item(r.get("account", String.class), r.get("type", String.class),
                        r.get("number", String.class), r.get("issue_date", String.class),
                        r.get("due_date", String.class), r.get("amount", BigDecimal.class),
                        r.get("open_amount", BigDecimal.class), r.get("currency", String.class),
                        r.get("reference", String.class), r.get("closed", Boolean.class), r.get("version", Long.class)))
                .one().block();
    }

    long count(String sql, long tenant) {
        return db.sql(sql).bind("t", tenant).map((r, m) -> ((Number) r.get(0)).longValue()).one().block();
    }

    String text(String sql, long tenant, String key) {
        return db.sql(sql).bind("t", tenant).bind("k", key).map((r, m) -> r.get(0, String.class)).one().block();
    }
}
