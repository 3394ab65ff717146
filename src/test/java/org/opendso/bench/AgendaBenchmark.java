package org.opendso.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.opendso.OpenDsoApplication;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.AgendaBenchAccess;
import org.opendso.security.ApiTokens;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code ./mvnw -Pbench verify -Dbench.main=AgendaBenchmark}: action generation and the agenda at scale.
 * <ol>
 * <li>a new database on the local PostgreSQL, the application started in this JVM against it (schedules off:
 *     the benchmark runs generation itself), one company with {@code bench.customers} (100,000) accounts of one
 *     collector and 20 items each (2,000,000), written with set-based SQL;</li>
 * <li>a whole-company generation (the daily run), then the same again (nothing to change: idempotent);</li>
 * <li>1,000 items changed (paid, promised, new) in 1,000 transactions, then the incremental run over their marks;</li>
 * <li>the collector's agenda, first page (50 rows, with the counts), through the API with the collector's API
 *     token: p50/p95/p99 of 300 requests after 30 to warm up, unfiltered, filtered, a later page; and once with HTTP
 *     Basic, whose BCrypt check per request is shown apart.</li>
 * </ol>
 * Prints a table with the goal beside. Not a test: run on demand.
 */
public final class AgendaBenchmark {

    private static final int ITEMS_PER_CUSTOMER = 20;
    private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());

    private final int customers = Integer.getInteger("bench.customers", 100_000);
    private final String serverUrl = System.getProperty("bench.server-url", "postgresql://postgres@127.0.0.1:5432/postgres");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchTable table = new BenchTable();

    public static void main(String[] args) throws Exception {
        new AgendaBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        String loadBefore = ImportBenchmark.loadAverage();
        BenchDb pg = BenchDb.parse(serverUrl);
        String database = "opendso_agenda_bench_" + System.currentTimeMillis() / 1000;
        pg.sql("create database " + database);
        System.out.println("[bench] database " + database + " on " + pg.host() + ":" + pg.port());
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplication(OpenDsoApplication.class).run(
                    "--opendso.db.url=" + pg.in(database).url(), "--opendso.demo=false",
                    "--opendso.admin-password=" + PASSWORD, "--server.port=0", "--spring.rsocket.server.port=0",
                    "--opendso.agenda.on-start=false", "--opendso.agenda.daily-cron=-",
                    "--opendso.agenda.catch-up-cron=-", "--logging.level.root=warn");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Agenda agenda = app.getBean(Agenda.class);
            LocalDate today = agenda.today();
            try (Connection c = pg.in(database).connect()) {
                long t = System.nanoTime();
                long tenant = load(c, app.getBean(PasswordEncoder.class).encode(PASSWORD), today);
                System.out.printf(Locale.ROOT, "[bench] loaded %,d customers and %,d items in %.1f s%n", customers,
                        (long) customers * ITEMS_PER_CUSTOMER, ImportBenchmark.seconds(t));

                t = System.nanoTime();
                long planned = AgendaBenchAccess.generateAll(agenda, today).block();
                table.row("whole company, first run (the daily run; plans every overdue account)",
                        "%.2f s, %,d actions planned".formatted(ImportBenchmark.seconds(t), planned), "seconds");
                t = System.nanoTime();
                long again = AgendaBenchAccess.generateAll(agenda, today).block();
                table.row("whole company, second run (nothing changed)",
                        "%.2f s, %,d actions planned".formatted(ImportBenchmark.seconds(t), again), "0 planned (idempotent)");

                t = System.nanoTime();
                int changed = change(c, tenant, today);
                double changeSeconds = ImportBenchmark.seconds(t);
                long marks = BenchTable.count(c, "select count(distinct customer_id) from agenda_change");
                t = System.nanoTime();
                long replanned = AgendaBenchAccess.generateChanged(agenda, tenant, today).block();
                table.row("incremental run after %,d item changes, one transaction each (changes took %.1f s)"
                                .formatted(changed, changeSeconds),
                        "%.3f s, %,d accounts marked, %,d actions planned".formatted(ImportBenchmark.seconds(t), marks,
                                replanned), "seconds");
                long waiting = BenchTable.count(c, "select count(*) from collection_action where state in ('PLANNED', 'TO_CONFIRM')");
                System.out.printf(Locale.ROOT, "[bench] %,d waiting actions%n", waiting);

                long userId = BenchTable.count(c, "select id from app_user where login = 'bench-collector'");
                String token = "Bearer " + app.getBean(ApiTokens.class)
                        .create(new Staff(tenant, userId, "bench-collector", "Bench Collector", Role.COLLECTOR, "en"), "bench")
                        .block().secret();
                latency(port, token, "/api/v1/agenda?size=50", "agenda first page (50 of %,d waiting actions, with counts)"
                        .formatted(waiting));
                latency(port, token, "/api/v1/agenda?size=50&kind=CALL", "agenda first page, kind = CALL");
                latency(port, token, "/api/v1/agenda?size=50&scenario=Standard&minAmount=1000",
                        "agenda first page, scenario and minimum amount");
                latency(port, token, "/api/v1/agenda?size=50&page=100", "agenda page 101 (offset 5,000)");
                // HTTP Basic checks the password's BCrypt hash on every request: that cost, not the agenda's
                latency(port, "Basic " + Base64.getEncoder().encodeToString(("bench-collector:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)), "/api/v1/agenda?size=50", "agenda first page, HTTP Basic");
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

    /** One company, one collector holding every account, 20 items per account: overdue, due soon, paid, credit notes. */
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
                    join app_user u on u.login = 'bench-collector' where c.tenant_id = %d""".formatted(tenant));
            // due dates from 150 days ago to 40 days ahead (younger than the old-items warning: one waiting action
            // per overdue account); one item in five paid, one in twenty a credit note
            st.execute("""
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                           open_amount, currency, closed_at)
                    select c.tenant_id, c.id,
                           case when i %% 20 = 0 then 'CREDIT_NOTE' else 'INVOICE' end,
                           c.account || '-' || i,
                           d - 30, d,
                           case when i %% 20 = 0 then -50 else 100 + (c.id * 7 + i * 13) %% 900 end,
                           case when i %% 5 = 0 then 0 when i %% 20 = 0 then -50 else 100 + (c.id * 7 + i * 13) %% 900 end,
                           'EUR',
                           case when i %% 5 = 0 then now() end
                    from customer c
                    cross join generate_series(1, %d) i
                    cross join lateral (select date '%s' - ((c.id * 31 + i * 17) %% 190)::int + 40 as d) due
                    where c.tenant_id = %d""".formatted(ITEMS_PER_CUSTOMER, today, tenant));
            st.execute("analyze");
        }
        return tenant;
    }

    /** 1,000 changes as users and imports make them, one transaction each: 400 paid, 300 promised, 300 new invoices. */
    private int change(Connection c, long tenant, LocalDate today) throws Exception {
        long promise = BenchTable.count(c, "select id from item_status where tenant_id = %d and code = 'PROMISE_TO_PAY'".formatted(tenant));
        List<Long> items = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select distinct on (customer_id) id from open_item
                where tenant_id = %d and closed_at is null and type = 'INVOICE' and due_date < '%s'
                order by customer_id, due_date limit 700""".formatted(tenant, today))) {
            while (rs.next()) {
                items.add(rs.getLong(1));
            }
        }
        c.setAutoCommit(true);
        int n = 0;
        try (PreparedStatement pay = c.prepareStatement(
                "update open_item set open_amount = 0, closed_at = now(), version = version + 1 where id = ?");
             PreparedStatement promised = c.prepareStatement("""
                     update open_item set status_id = ?, status_date = ?, follow_up_date = ?, version = version + 1
                     where id = ?""");
             PreparedStatement invoice = c.prepareStatement("""
                     insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                            open_amount, currency)
                     select tenant_id, id, 'INVOICE', account || '-new', ?, ?, 250, 250, 'EUR' from customer
                     where tenant_id = ? and account = ?""")) {
            for (int i = 0; i < items.size(); i++) {
                if (i < 400) {
                    pay.setLong(1, items.get(i));
                    n += pay.executeUpdate();
                } else {
                    promised.setLong(1, promise);
                    promised.setObject(2, today);
                    promised.setObject(3, today.plusDays(14));
                    promised.setLong(4, items.get(i));
                    n += promised.executeUpdate();
                }
            }
            for (int i = 0; i < 300; i++) {
                invoice.setObject(1, today.minusDays(400));
                invoice.setObject(2, today.minusDays(370));
                invoice.setLong(3, tenant);
                invoice.setString(4, "C%06d".formatted(1 + (i * 7919) % customers));
                n += invoice.executeUpdate();
            }
        }
        return n;
    }

    private void latency(int port, String auth, String path, String what) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth).header("Accept", "application/json").GET().build();
        for (int i = 0; i < 30; i++) {
            send(request);
        }
        double[] ms = new double[300];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            send(request);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double p95 = ms[(int) Math.ceil(0.95 * ms.length) - 1];
        table.row(what + " (300 requests)", "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms".formatted(ms[ms.length / 2], p95,
                ms[(int) Math.ceil(0.99 * ms.length) - 1]), "p95 ≤ 50 ms");
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }



    private void print(String loadBefore) {
        table.print(String.format(Locale.ROOT, "Agenda benchmark (%,d customers, %,d items, 1 collector; %d cores; load average before: %s)",
                customers, (long) customers * ITEMS_PER_CUSTOMER, Runtime.getRuntime().availableProcessors(), loadBefore));
    }
}
