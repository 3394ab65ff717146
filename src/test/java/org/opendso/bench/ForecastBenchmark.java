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
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opendso.OpenDsoApplication;
import org.opendso.forecast.Forecast;
import org.opendso.forecast.ForecastBenchAccess;
import org.opendso.forecast.ForecastFeed;
import org.opendso.forecast.Forecasts;
import org.opendso.item.AccountBalances;
import org.opendso.item.ItemType;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.report.ReportFilter;
import org.opendso.security.ApiTokens;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.Disposable;

/**
 * {@code ./mvnw -Pbench verify -Dbench.main=ForecastBenchmark}: the forecast, cash receipts and credit risk at
 * scale. A new database; one company with {@code bench.customers} (100,000) accounts and 20 items each
 * (2,000,000; one in five paid, with its receipt 5 days early to 40 days late; promises and disputes among the
 * open ones; a credit limit on one account in three), 10,000 accounts assigned to a collector. Then: the full
 * rebuild (the daily run); p50/p95/p99 of each endpoint (API token, 100 requests after 10); the time from a
 * qualification's commit to the updated forecast on an open subscriber (20 times); and an import-like burst
 * (10,000 items paid, one event per account) to the updated forecast, with the number of refreshes it cost.
 */
public final class ForecastBenchmark {

    private static final int ITEMS_PER_CUSTOMER = 20;
    private static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());

    private final int customers = Integer.getInteger("bench.customers", 100_000);
    private final String serverUrl = System.getProperty("bench.server-url", "postgresql://postgres@127.0.0.1:5432/postgres");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BenchTable table = new BenchTable();

    public static void main(String[] args) throws Exception {
        new ForecastBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        String loadBefore = ImportBenchmark.loadAverage();
        BenchDb pg = BenchDb.parse(serverUrl);
        String database = "opendso_forecast_bench_" + System.currentTimeMillis() / 1000;
        pg.sql("create database " + database);
        System.out.println("[bench] database " + database);
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplication(OpenDsoApplication.class).run(
                    "--opendso.db.url=" + pg.in(database).url(), "--opendso.demo=false",
                    "--opendso.admin-password=" + PASSWORD, "--server.port=0", "--spring.rsocket.server.port=0",
                    "--opendso.agenda.on-start=false", "--opendso.agenda.daily-cron=-",
                    "--opendso.agenda.catch-up-cron=-", "--opendso.alerts.on-start=false",
                    "--opendso.alerts.daily-cron=-", "--opendso.alerts.catch-up-cron=-", "--opendso.alerts.on-events=false",
                    "--opendso.forecast.on-start=false", "--opendso.forecast.daily-cron=-",
                    "--opendso.forecast.catch-up-cron=-", "--logging.level.root=warn");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Forecasts forecasts = app.getBean(Forecasts.class);
            LocalDate today = forecasts.today();
            try (Connection c = pg.in(database).connect()) {
                long t = System.nanoTime();
                long tenant = load(c, app.getBean(PasswordEncoder.class).encode(PASSWORD), today);
                app.getBean(AccountBalances.class).refreshTenant(tenant).block();
                try (Statement st = c.createStatement()) {
                    st.execute("analyze");
                }
                System.out.printf(Locale.ROOT, "[bench] loaded %,d customers, %,d items, %,d receipts in %.1f s%n",
                        customers, (long) customers * ITEMS_PER_CUSTOMER, BenchTable.count(c, "select count(*) from cash_receipt"),
                        ImportBenchmark.seconds(t));

                t = System.nanoTime();
                forecasts.rebuild(tenant, today).block();
                table.row("full rebuild of the forecast (the daily run)", "%.1f s, %,d account-day rows".formatted(
                        ImportBenchmark.seconds(t), BenchTable.count(c, "select count(*) from forecast_expected")), "seconds");
                try (Statement st = c.createStatement()) {
                    // what autovacuum does in a running system: statistics and visibility of the new rows
                    st.execute("vacuum analyze");
                }

                Staff admin = staff(c, "admin", Role.ADMIN);
                Staff collector = staff(c, "bench-collector", Role.COLLECTOR);
                String adminToken = "Bearer " + app.getBean(ApiTokens.class).create(admin, "bench").block().secret();
                String collectorToken = "Bearer " + app.getBean(ApiTokens.class).create(collector, "bench").block().secret();
                latency(port, adminToken, "/api/v1/reports/forecast", "forecast, whole book (admin)");
                latency(port, collectorToken, "/api/v1/reports/forecast", "forecast, a collector's 10,000 accounts");
                latency(port, adminToken, "/api/v1/reports/forecast?customer=C000777", "forecast, one customer");
                latency(port, adminToken, "/api/v1/reports/cash-receipts", "cash receipts, 13 weeks (admin)");
                latency(port, adminToken, "/api/v1/reports/cash-receipts?period=day", "cash receipts, 31 days by day");
                latency(port, collectorToken, "/api/v1/reports/cash-receipts?period=month",
                        "cash receipts, 12 months, a collector");
                latency(port, adminToken, "/api/v1/reports/credit-risk", "credit risk, first page + summary (admin)");
                latency(port, adminToken, "/api/v1/reports/credit-risk?list=attention&page=3",
                        "credit risk, over limit or worsening, page 4");
                latency(port, collectorToken, "/api/v1/reports/credit-risk", "credit risk, a collector");

                live(app, c, tenant, admin, collector, today);
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

    /** A subscriber follows the whole book; qualifications and a burst change it. */
    private void live(ConfigurableApplicationContext app, Connection c, long tenant, Staff admin, Staff collector,
                      LocalDate today) throws Exception {
        ForecastFeed feed = app.getBean(ForecastFeed.class);
        Qualifications qualifications = app.getBean(Qualifications.class);
        LinkedBlockingQueue<Long> seen = new LinkedBlockingQueue<>();
        Disposable subscriber = feed.follow(admin, ReportFilter.ALL.withCurrency("EUR"))
                .subscribe(f -> seen.add(System.nanoTime()));
        try {
            if (seen.poll(60, TimeUnit.SECONDS) == null) {
                throw new IllegalStateException("no first forecast");
            }
            List<long[]> items = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    select distinct on (customer_id) customer_id, number, version from open_item
                    where tenant_id = %d and closed_at is null and type = 'INVOICE' and status_id is null
                      and customer_id %% 97 = 0
                    order by customer_id, due_date limit 20""".formatted(tenant))) {
                while (rs.next()) {
                    items.add(new long[] {rs.getLong(1), rs.getLong(3)});
                    numbers.add(rs.getString(2));
                }
            }
            double[] ms = new double[items.size()];
            for (int i = 0; i < items.size(); i++) {
                seen.clear();
                qualifications.qualify(collector, items.get(i)[0], new Qualification(
                        List.of(new Qualification.ItemRef(ItemType.INVOICE, numbers.get(i), items.get(i)[1])),
                        "PROMISE_TO_PAY", today.plusDays(10 + i), "bench promise", null, null)).block();
                long committed = System.nanoTime();
                Long at = seen.poll(10, TimeUnit.SECONDS);
                ms[i] = at == null ? Double.NaN : (at - committed) / 1e6;
                Thread.sleep(400); // let the coalescing window close: one measurement per change
            }
            Arrays.sort(ms);
            table.row("qualification (promise) committed → updated forecast on an open subscriber (%d times)"
                            .formatted(ms.length),
                    "p50 %.0f ms, p95 %.0f ms, max %.0f ms".formatted(ms[ms.length / 2],
                            ms[(int) Math.ceil(0.95 * ms.length) - 1], ms[ms.length - 1]), "≤ 1 s");

            long refreshes = ForecastBenchAccess.refreshes(feed);
            seen.clear();
            long t = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("""
                        create temp table burst as
                        select id, customer_id from open_item
                        where tenant_id = %d and closed_at is null and type = 'INVOICE' and customer_id %% 10 = 1
                        order by id limit 10000""".formatted(tenant));
                st.execute("""
                        with paid as (
                            update open_item o set open_amount = 0, closed_at = now(), version = o.version + 1
                            from burst b where o.id = b.id returning o.id, o.customer_id, o.amount, o.due_date)
                        insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                        select %d, customer_id, id, amount, current_date, due_date from paid""".formatted(tenant));
            }
            app.getBean(EventLog.class).appendEach(Actor.system("Bench import"), tenant, EventType.ITEMS_IMPORTED,
                    "select distinct customer_id, '{}'::jsonb as payload from open_item where id = any(:ids)",
                    Map.of("ids", ids(c))).block();
            long committed = System.nanoTime();
            Long first = seen.poll(30, TimeUnit.SECONDS);
            Thread.sleep(2000);
            long accounts = BenchTable.count(c, "select count(distinct customer_id) from burst");
            table.row("import-like burst: 10,000 items paid on %,d accounts, %,d events → updated forecast".formatted(accounts,
                            accounts),
                    "%.0f ms after the events' commit (%.1f s with the update), %d refreshes".formatted(
                            first == null ? Double.NaN : (first - committed) / 1e6,
                            first == null ? Double.NaN : (first - t) / 1e9,
                            ForecastBenchAccess.refreshes(feed) - refreshes), "≤ 1 s, not one per event");
        } finally {
            subscriber.dispose();
        }
    }

    private final List<String> numbers = new ArrayList<>();

    private static Long[] ids(Connection c) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from burst")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out.toArray(Long[]::new);
    }

    private long load(Connection c, String hash, LocalDate today) throws Exception {
        long tenant = BenchTable.count(c, "select min(id) from tenant");
        try (Statement st = c.createStatement()) {
            st.execute("""
                    insert into app_user (tenant_id, login, name, email, password_hash, role)
                    values (%d, 'bench-collector', 'Bench Collector', 'collector@bench.test', '%s', 'COLLECTOR')"""
                    .formatted(tenant, hash));
            st.execute("""
                    insert into customer (tenant_id, account, name, credit_limit)
                    select %d, 'C' || lpad(g::text, 6, '0'), 'Customer ' || g,
                           case when g %% 3 = 0 then 2000 + (g * 37) %% 20000 end
                    from generate_series(1, %d) g""".formatted(tenant, customers));
            st.execute("""
                    insert into customer_assignment (tenant_id, customer_id, user_id, role)
                    select c.tenant_id, c.id, u.id, 'COLLECTOR' from customer c
                    join app_user u on u.login = 'bench-collector' where c.tenant_id = %d and c.id %% 10 = 0"""
                    .formatted(tenant));
            st.execute("""
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                           open_amount, currency, closed_at, status_id, status_date, follow_up_date)
                    select c.tenant_id, c.id,
                           case when i %% 20 = 0 then 'CREDIT_NOTE' else 'INVOICE' end,
                           c.account || '-' || i, d - 30, d,
                           case when i %% 20 = 0 then -50 else 100 + (c.id * 7 + i * 13) %% 900 end,
                           case when i %% 5 = 0 then 0 when i %% 20 = 0 then -50 else 100 + (c.id * 7 + i * 13) %% 900 end,
                           'EUR',
                           case when i %% 5 = 0 then now() end,
                           case when i %% 5 = 0 then null when i %% 17 = 0 then p.id when i %% 23 = 0 then q.id end,
                           case when i %% 5 <> 0 and (i %% 17 = 0 or i %% 23 = 0) then date '%2$s' end,
                           case when i %% 5 <> 0 and i %% 17 = 0 then date '%2$s' + (c.id %% 30)::int end
                    from customer c
                    cross join generate_series(1, %1$d) i
                    cross join lateral (select date '%2$s' - ((c.id * 31 + i * 17) %% 190)::int + 40 as d) due
                    cross join (select id from item_status where tenant_id = %3$d and code = 'PROMISE_TO_PAY') p
                    cross join (select id from item_status where tenant_id = %3$d and code = 'PRICE_DISPUTE') q
                    where c.tenant_id = %3$d""".formatted(ITEMS_PER_CUSTOMER, today, tenant));
            // the receipts of the paid invoices: 5 days early to 40 days late, never after today
            st.execute("""
                    insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                    select tenant_id, customer_id, id, amount,
                           least(due_date + ((id * 13) %% 46 - 5)::int, date '%s'), due_date
                    from open_item where tenant_id = %d and closed_at is not null and type = 'INVOICE'"""
                    .formatted(today, tenant));
        }
        return tenant;
    }

    private static Staff staff(Connection c, String login, Role role) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select tenant_id, id, name from app_user where login = '" + login + "'")) {
            rs.next();
            return new Staff(rs.getLong(1), rs.getLong(2), login, rs.getString(3), role, "en");
        }
    }

    private void latency(int port, String auth, String path, String what) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", auth).header("Accept", "application/json").GET().build();
        for (int i = 0; i < 10; i++) {
            send(request);
        }
        double[] ms = new double[100];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            send(request);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        table.row("GET " + path.replace("/api/v1/reports/", "") + ": " + what, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms"
                .formatted(ms[ms.length / 2], ms[94], ms[98]), "p95 ≤ 200 ms");
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }



    private void print(String loadBefore) {
        table.print(String.format(Locale.ROOT, "Forecast benchmark (%,d customers, %,d items; %d cores; load average before: %s)",
                customers, (long) customers * ITEMS_PER_CUSTOMER, Runtime.getRuntime().availableProcessors(), loadBefore));
    }
}
