package org.opendso.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.opendso.OpenDsoApplication;
import org.opendso.portal.IssuedPortalLink;
import org.opendso.portal.NewSubmission;
import org.opendso.portal.Portal;
import org.opendso.portal.PortalLinks;
import org.opendso.portal.PortalMessage;
import org.opendso.portal.SubmissionDecision;
import org.opendso.portal.SubmissionKind;
import org.opendso.portal.Submissions;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./mvnw -Pbench verify -Dbench.main=PortalBenchmark}: the portal's costs on a loaded company, in this JVM.
 * <ol>
 * <li>a new database, the application started against it, one company with {@code bench.customers} (10,000)
 *     accounts of 30 items each, one collector, set-based SQL;</li>
 * <li>1,000 portal links created (each a transaction with its event), then every token opened: the check each
 *     portal read and click pays; unknown tokens (the refusal path, logged and counted);</li>
 * <li>the customer's page of an account with 30 items and 20 messages; 500 submissions (event and collector mail in
 *     the transaction); 300 validations (a qualification each); the sheet's list of 20 submissions;</li>
 * <li>the page address with an unknown token over HTTP: the plain 404 page before Vaadin.</li>
 * </ol>
 * Prints a table. Not a test: run on demand.
 */
public final class PortalBenchmark {

    private static final int ITEMS_PER_CUSTOMER = 30;

    private final int customers = Integer.getInteger("bench.customers", 10_000);
    private final String serverUrl = System.getProperty("bench.server-url", "postgresql://postgres@127.0.0.1:5432/postgres");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchTable table = new BenchTable();

    public static void main(String[] args) throws Exception {
        new PortalBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        String loadBefore = ImportBenchmark.loadAverage();
        BenchDb pg = BenchDb.parse(serverUrl);
        String database = "opendso_portal_bench_" + System.currentTimeMillis() / 1000;
        pg.sql("create database " + database);
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplication(OpenDsoApplication.class).run(
                    "--opendso.db.url=" + pg.in(database).url(), "--opendso.demo=false",
                    "--opendso.admin-password=bench-" + System.nanoTime(), "--server.port=0",
                    "--spring.rsocket.server.port=0", "--opendso.agenda.on-start=false",
                    "--opendso.agenda.daily-cron=-", "--opendso.agenda.catch-up-cron=-", "--opendso.alerts.on-start=false",
                    "--opendso.alerts.daily-cron=-", "--opendso.alerts.catch-up-cron=-", "--logging.level.root=warn");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            PortalLinks links = app.getBean(PortalLinks.class);
            Portal portal = app.getBean(Portal.class);
            Submissions submissions = app.getBean(Submissions.class);
            try (Connection c = pg.in(database).connect()) {
                long t = System.nanoTime();
                long tenant = load(c);
                System.out.printf(Locale.ROOT, "[bench] loaded %,d customers and %,d items in %.1f s%n", customers,
                        (long) customers * ITEMS_PER_CUSTOMER, ImportBenchmark.seconds(t));
                long user = BenchTable.count(c, "select id from app_user where login = 'bench-collector'");
                Staff staff = new Staff(tenant, user, "bench-collector", "Bench Collector", Role.COLLECTOR, "en");
                long[] ids = ids(c, "select id from customer where tenant_id = " + tenant + " order by id limit 1000");

                IssuedPortalLink[] issued = new IssuedPortalLink[ids.length];
                time("create a portal link (transaction with its event)", ids.length,
                        i -> issued[i] = links.create(staff, ids[i], null).block(), "p95 ≤ 20 ms");
                String[] tokens = Arrays.stream(issued).map(l -> l.url().substring(l.url().lastIndexOf('/') + 1))
                        .toArray(String[]::new);
                time("open a valid token (every portal read and click)", 2_000,
                        i -> links.open(tokens[i % tokens.length], "bench").block(), "p95 ≤ 5 ms");
                time("open an unknown token (refused, logged, counted)", 2_000, i -> {
                    try {
                        links.open(randomToken(), "bench-" + i).block();
                        throw new IllegalStateException("an unknown token opened something");
                    } catch (org.opendso.portal.InvalidPortalLink expected) {
                        // the refusal is what is measured
                    }
                }, "p95 ≤ 5 ms");

                // one account with 20 messages: the page and the sheet's list
                long busy = ids[0];
                long[] items = ids(c, "select id from open_item where customer_id = " + busy
                        + " and closed_at is null and type = 'INVOICE' order by id");
                for (int i = 0; i < 20; i++) {
                    portal.submit(tokens[0], "bench", new NewSubmission(SubmissionKind.COMMENT,
                            List.of(items[i % items.length]), null, "Comment " + i)).block();
                }
                time("customer's page (%d open items, 20 messages)".formatted(items.length), 500,
                        i -> portal.page(tokens[0], "bench").block(), "p95 ≤ 20 ms");
                time("sheet's list of the account's 20 submissions", 500,
                        i -> submissions.of(staff, busy).collectList().block(), "p95 ≤ 10 ms");

                long[] firstItems = ids(c, "select distinct on (customer_id) id from open_item where customer_id in ("
                        + "select id from customer where tenant_id = " + tenant + " order by id limit 1000) "
                        + "and closed_at is null and type = 'INVOICE' order by customer_id, id");
                PortalMessage[] sent = new PortalMessage[500];
                LocalDate promised = LocalDate.now().plusDays(10);
                time("submit a promise (event and collector mail in one transaction)", sent.length,
                        i -> sent[i] = portal.submit(tokens[i + 1], "bench", new NewSubmission(SubmissionKind.PROMISE,
                                List.of(firstItems[i + 1]), promised, "Paying on the 10th")).block(), "p95 ≤ 30 ms");
                time("validate a promise (a qualification, its events)", 300,
                        i -> submissions.validate(staff, sent[i].id(), new SubmissionDecision(0, null, "Thanks"))
                                .block(), "p95 ≤ 50 ms");

                HttpRequest bad = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/portal/"
                        + randomToken())).GET().build();
                time("GET /portal/<unknown token> over HTTP: the plain 404 page (429 once the address is over its limit)", 300, i -> {
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(bad.uri())
                                .header("X-Bench", String.valueOf(i)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 404 && r.statusCode() != 429) {
                            throw new IllegalStateException("answered " + r.statusCode());
                        }
                    } catch (java.io.IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, "p95 ≤ 10 ms");
                table.row("rows afterwards", "%,d links, %,d submissions, %,d events".formatted(
                        BenchTable.count(c, "select count(*) from portal_link"), BenchTable.count(c, "select count(*) from portal_submission"),
                        BenchTable.count(c, "select count(*) from event")), "-");
            }
        } finally {
            if (app != null) {
                app.close();
            }
            pg.sql("drop database if exists " + database + " with (force)");
        }
        print(loadBefore);
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** One company, one collector holding every account; items overdue and due, one in ten paid. */
    private long load(Connection c) throws Exception {
        long tenant = BenchTable.count(c, "select min(id) from tenant");
        try (Statement st = c.createStatement()) {
            st.execute("""
                    insert into app_user (tenant_id, login, name, email, password_hash, role)
                    values (%d, 'bench-collector', 'Bench Collector', 'collector@bench.test', 'x', 'COLLECTOR')"""
                    .formatted(tenant));
            st.execute("""
                    insert into customer (tenant_id, account, name)
                    select %d, 'P' || lpad(g::text, 6, '0'), 'Customer ' || g from generate_series(1, %d) g"""
                    .formatted(tenant, customers));
            st.execute("""
                    insert into customer_assignment (tenant_id, customer_id, user_id, role)
                    select c.tenant_id, c.id, u.id, 'COLLECTOR' from customer c
                    join app_user u on u.login = 'bench-collector' where c.tenant_id = %d""".formatted(tenant));
            st.execute("""
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                           open_amount, currency, closed_at)
                    select c.tenant_id, c.id, 'INVOICE', c.account || '-' || i, d - 30, d, 100 + i, 
                           case when i %% 10 = 0 then 0 else 100 + i end, 'EUR', case when i %% 10 = 0 then now() end
                    from customer c cross join generate_series(1, %d) i
                    cross join lateral (select current_date - ((c.id * 31 + i * 17) %% 120)::int + 30 as d) due
                    where c.tenant_id = %d""".formatted(ITEMS_PER_CUSTOMER, tenant));
            st.execute("analyze");
        }
        return tenant;
    }

    private void time(String what, int n, IntConsumer work, String goal) {
        for (int i = 0; i < Math.min(20, n); i++) {
            // warm-up on the first inputs is harmless where the work is idempotent; elsewhere it is skipped
            if (!what.startsWith("create") && !what.startsWith("submit") && !what.startsWith("validate")) {
                work.accept(i);
            }
        }
        double[] ms = new double[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            work.accept(i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double total = ImportBenchmark.seconds(start);
        Arrays.sort(ms);
        table.row(what + " (" + n + ")", "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%.0f/s one at a time)".formatted(
                ms[n / 2], ms[(int) Math.ceil(0.95 * n) - 1], ms[(int) Math.ceil(0.99 * n) - 1], n / total), goal);
    }

    private static long[] ids(Connection c, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }



    private void print(String loadBefore) {
        table.print(String.format(Locale.ROOT, "Portal benchmark (%,d customers, %,d items; %d cores; load average before: %s)",
                customers, (long) customers * ITEMS_PER_CUSTOMER, Runtime.getRuntime().availableProcessors(), loadBefore));
    }
}
