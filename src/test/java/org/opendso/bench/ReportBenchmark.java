package org.opendso.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opendso.OpenDsoApplication;
import org.opendso.report.ReportFigures;
import org.opendso.security.ApiTokens;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The reports on a big book ({@code -Dbench.customers}, 100k by default, 20 items each: 2M items), in this JVM
 * against a fresh database: generated items over 13 months (paid ones with their receipts, credit notes, statuses
 * and comments, disputes with follow-ups), then the snapshot jobs and the figures' refreshes timed, then p95 of each
 * report endpoint and of the dashboard over HTTP with a personal API token, for the administrator (the whole
 * company) and a collector holding one account in ten. Prints a table. Not a test:
 * {@code ./mvnw -Pbench verify -Dbench.main=ReportBenchmark}.
 */
public final class ReportBenchmark {

    private static final int ITEMS_PER_CUSTOMER = 20;
    private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());

    private final int customers = Integer.getInteger("bench.customers", 100_000);
    private final int requests = Integer.getInteger("bench.requests", 200);
    private final String serverUrl = System.getProperty("bench.server-url", "postgresql://postgres@127.0.0.1:5432/postgres");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchTable table = new BenchTable();

    public static void main(String[] args) throws Exception {
        new ReportBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        String loadBefore = ImportBenchmark.loadAverage();
        BenchDb pg = BenchDb.parse(serverUrl);
        String database = "opendso_report_bench_" + System.currentTimeMillis() / 1000;
        pg.sql("create database " + database);
        System.out.println("[bench] database " + database + " on " + pg.host() + ":" + pg.port());
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplication(OpenDsoApplication.class).run(
                    "--opendso.db.url=" + pg.in(database).url(), "--opendso.demo=false",
                    "--opendso.admin-password=" + PASSWORD, "--server.port=0", "--spring.rsocket.server.port=0",
                    "--opendso.agenda.on-start=false", "--opendso.agenda.daily-cron=-",
                    "--opendso.agenda.catch-up-cron=-", "--opendso.alerts.on-start=false",
                    "--opendso.alerts.on-events=false", "--opendso.reports.on-start=false", "--logging.level.root=warn");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            ReportFigures figures = app.getBean(ReportFigures.class);
            LocalDate today = figures.today();
            try (Connection c = pg.in(database).connect()) {
                long t = System.nanoTime();
                long tenant = load(c, app.getBean(PasswordEncoder.class).encode(PASSWORD), today);
                long items = BenchTable.count(c, "select count(*) from open_item");
                System.out.printf(Locale.ROOT, "[bench] loaded %,d customers and %,d items in %.1f s%n", customers,
                        items, ImportBenchmark.seconds(t));

                t = System.nanoTime();
                figures.fresh(tenant).block();
                table.row("item figures, every account aged (first read of the day)", "%.2f s, %,d rows".formatted(
                        ImportBenchmark.seconds(t), BenchTable.count(c, "select count(*) from report_item_figures")), "seconds, once a day");
                t = System.nanoTime();
                int months = figures.buildMonths(tenant).block();
                table.row("month-end receivables rebuilt (13 months, daily job)", "%.2f s, %,d rows".formatted(
                        ImportBenchmark.seconds(t), months), "seconds, once a day");
                t = System.nanoTime();
                int week = figures.takeWeek(tenant).block();
                table.row("weekly qualification snapshot", "%.2f s, %,d rows".formatted(ImportBenchmark.seconds(t), week),
                        "seconds, once a week");
                try (Statement st = c.createStatement()) {
                    // what autovacuum does after tables grow from nothing: the planner needs their sizes
                    st.execute("analyze");
                }

                // one qualification, then an import touching 10,000 accounts: what the next read pays
                try (Statement st = c.createStatement()) {
                    st.execute("update open_item set last_comment = 'bench', version = version + 1 where id = "
                            + "(select min(id) from open_item where closed_at is null)");
                }
                t = System.nanoTime();
                figures.fresh(tenant).block();
                table.row("next read after one qualification (1 account refreshed)", "%.1f ms".formatted(ms(t)), "≪ 200 ms");
                try (Statement st = c.createStatement()) {
                    st.execute("""
                            update open_item set open_amount = open_amount - 1, version = version + 1
                            where id in (select min(id) from open_item where closed_at is null and type = 'INVOICE'
                                         and open_amount > 1 group by customer_id order by customer_id limit 10000)""");
                }
                t = System.nanoTime();
                figures.fresh(tenant).block();
                table.row("next read after an import changing 10,000 accounts", "%.1f ms".formatted(ms(t)), "once per import");

                ApiTokens tokens = app.getBean(ApiTokens.class);
                long adminId = BenchTable.count(c, "select id from app_user where login = 'admin'");
                long collectorId = BenchTable.count(c, "select id from app_user where login = 'bench-collector'");
                String admin = "Bearer " + tokens.create(new Staff(tenant, adminId, "admin", "Admin", Role.ADMIN, "en"),
                        "bench").block().secret();
                String collector = "Bearer " + tokens.create(new Staff(tenant, collectorId, "bench-collector",
                        "Bench Collector", Role.COLLECTOR, "en"), "bench").block().secret();
                for (String path : List.of("/api/v1/reports/items-status", "/api/v1/reports/aging",
                        "/api/v1/reports/dso", "/api/v1/reports/disputes", "/api/v1/dashboard")) {
                    latency(port, admin, path, "administrator (whole company)");
                }
                for (String path : List.of("/api/v1/reports/items-status", "/api/v1/reports/aging",
                        "/api/v1/reports/dso", "/api/v1/reports/disputes", "/api/v1/dashboard")) {
                    latency(port, collector, path, "collector (%,d accounts)".formatted(customers / 10));
                }
                latency(port, admin, "/api/v1/reports/aging?customer=C000042", "administrator, one customer");
                latency(port, admin, "/api/v1/reports/aging?collector=bench-collector", "administrator, collector filter");
            }
        } finally {
            if (app != null) {
                app.close();
            }
            if (Boolean.getBoolean("bench.keep")) {
                System.out.println("[bench] kept the database " + database);
            } else {
                pg.sql("drop database if exists " + database + " with (force)");
            }
        }
        print(loadBefore);
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /**
     * One company; a collector holding one account in ten; 20 items per account issued over the last 13 months,
     * due 30 days later: one in four paid (with its receipt), one in twenty a credit note, one in eight with a
     * status (half of them with a comment), one in forty disputed with a follow-up.
     */
    private long load(Connection c, String hash, LocalDate today) throws Exception {
        long tenant = BenchTable.count(c, "select min(id) from tenant");
        try (Statement st = c.createStatement()) {
            st.execute("""
                    insert into app_user (tenant_id, login, name, email, password_hash, role)
                    values (%d, 'bench-collector', 'Bench Collector', 'collector@bench.test', '%s', 'COLLECTOR')"""
                    .formatted(tenant, hash));
            st.execute("""
                    insert into customer (tenant_id, account, name)
                    select %d, 'C' || lpad(g::text, 6, '0'), 'Customer ' || g from generate_series(1, %d) g"""
                    .formatted(tenant, customers));
            st.execute("""
                    insert into customer_assignment (tenant_id, customer_id, user_id, role)
                    select c.tenant_id, c.id, u.id, 'COLLECTOR' from customer c
                    join app_user u on u.login = 'bench-collector' where c.tenant_id = %d and c.id %% 10 = 0"""
                    .formatted(tenant));
            st.execute("""
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                           open_amount, currency, closed_at, status_id, status_date, last_comment)
                    select c.tenant_id, c.id,
                           case when i %% 20 = 0 then 'CREDIT_NOTE' else 'INVOICE' end,
                           c.account || '-' || i,
                           issue, issue + 30,
                           case when i %% 20 = 0 then -50 else 100 + (c.id * 7 + i * 13) %% 900 end,
                           case when i %% 4 = 0 then 0 when i %% 20 = 0 then -50 else 100 + (c.id * 7 + i * 13) %% 900 end,
                           'EUR',
                           case when i %% 4 = 0 then issue + 40 end,
                           case when i %% 4 <> 0 and i %% 8 = 1 then s.reminder when i %% 4 <> 0 and i %% 40 = 3 then s.dispute end,
                           case when i %% 4 <> 0 and (i %% 8 = 1 or i %% 40 = 3) then issue + 35 end,
                           case when i %% 4 <> 0 and i %% 16 = 1 then 'Called, will pay' when i %% 40 = 3 then 'Price' end
                    from customer c
                    cross join generate_series(1, %d) i
                    cross join lateral (select date '%s' - ((c.id * 31 + i * 17) %% 395)::int as issue) d
                    cross join (select max(id) filter (where code = 'REMINDER_SENT') as reminder,
                                       max(id) filter (where code = 'PRICE_DISPUTE') as dispute
                                from item_status where tenant_id = %d) s
                    where c.tenant_id = %d""".formatted(ITEMS_PER_CUSTOMER, today, tenant, tenant));
            st.execute("""
                    insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                    select tenant_id, customer_id, id, amount, least(closed_at::date, date '%s'), due_date
                    from open_item where tenant_id = %d and closed_at is not null""".formatted(today, tenant));
            st.execute("""
                    insert into specific_action (tenant_id, customer_id, kind, due_date, assignee_id, created_by)
                    select distinct o.tenant_id, o.customer_id, 'DISPUTE_FOLLOW_UP', date '%s' + 7, u.id, u.id
                    from open_item o join item_status s on s.id = o.status_id and s.category = 'DISPUTE'
                    cross join (select id from app_user where login = 'bench-collector') u
                    where o.tenant_id = %d and o.closed_at is null""".formatted(today, tenant));
            st.execute("""
                    insert into specific_action_item (action_id, open_item_id)
                    select a.id, o.id from specific_action a
                    join open_item o on o.customer_id = a.customer_id and o.status_id is not null
                    join item_status s on s.id = o.status_id and s.category = 'DISPUTE'
                    where a.tenant_id = %d and o.closed_at is null""".formatted(tenant));
            st.execute("delete from report_change");
            st.execute("vacuum analyze");
        }
        return tenant;
    }

    private void latency(int port, String auth, String path, String who) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth).header("Accept", "application/json").GET().build();
        for (int i = 0; i < 20; i++) {
            send(request);
        }
        double[] ms = new double[requests];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            send(request);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double p95 = ms[(int) Math.ceil(0.95 * ms.length) - 1];
        table.row("GET " + path + ", " + who + " (" + requests + " requests)", "p50 %.1f ms, p95 %.1f ms".formatted(
                ms[ms.length / 2], p95), "p95 ≤ 200 ms");
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }



    private void print(String loadBefore) {
        table.print(String.format(Locale.ROOT, "Report benchmark (%,d customers, %,d items; %d cores; load average before: %s)",
                customers, (long) customers * ITEMS_PER_CUSTOMER, Runtime.getRuntime().availableProcessors(), loadBefore));
    }
}
