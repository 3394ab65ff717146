package org.opendso.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.opendso.OpenDsoApplication;
import org.opendso.action.SpecificActions;
import org.opendso.item.ItemType;
import org.opendso.notification.NotificationMails;
import org.opendso.notification.Notifications;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * {@code ./mvnw -Pbench verify -Dbench.main=DisputeBenchmark -Dbench.customers=20000}: what the disputes capability
 * (decision 0017) costs at scale, in this JVM against a new database on the local PostgreSQL.
 * <ol>
 * <li>one company with {@code bench.customers} accounts of 10 items each, one collector, 50 sales managers each
 *     assigned to 1/25 of the accounts (two per account), 20 open specific actions per sales manager;</li>
 * <li>a qualification of one item through the service: a dispute (the trigger writes two notifications) beside an
 *     ordinary status (the trigger writes none), p50/p95 of 200 each;</li>
 * <li>one event per account in one statement (an import's summary), with and without the notification trigger;</li>
 * <li>the mail job over the pending notifications (500 per run, one mail each, no SMTP: kept in the outbox);</li>
 * <li>a sales manager's reads: the bell (unread count + new since) and the agenda's section (counts + 200 rows).</li>
 * </ol>
 * Prints a table. Not a test: run on demand.
 */
public final class DisputeBenchmark {

    private static final int ITEMS = 10;
    private static final int MANAGERS = 50;

    private final int customers = Integer.getInteger("bench.customers", 20_000);
    private final String serverUrl = System.getProperty("bench.server-url", "postgresql://postgres@127.0.0.1:5432/postgres");
    private final BenchTable table = new BenchTable();

    public static void main(String[] args) throws Exception {
        new DisputeBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        String loadBefore = ImportBenchmark.loadAverage();
        BenchDb pg = BenchDb.parse(serverUrl);
        String database = "opendso_dispute_bench_" + System.currentTimeMillis() / 1000;
        pg.sql("create database " + database);
        System.out.println("[bench] database " + database + " on " + pg.host() + ":" + pg.port());
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplication(OpenDsoApplication.class).run(
                    "--opendso.db.url=" + pg.in(database).url(), "--opendso.demo=false",
                    "--opendso.admin-password=bench-" + System.nanoTime(), "--server.port=0",
                    "--spring.rsocket.server.port=0", "--opendso.agenda.on-start=false", "--opendso.agenda.daily-cron=-",
                    "--opendso.agenda.catch-up-cron=-", "--opendso.agenda.auto-send-cron=-",
                    "--opendso.alerts.daily-cron=-", "--opendso.alerts.catch-up-cron=-", "--opendso.alerts.on-start=false",
                    "--opendso.alerts.on-events=false", "--opendso.notifications.mail-cron=-",
                    "--opendso.notifications.digest-cron=-", "--logging.level.root=warn");
            Qualifications qualifications = app.getBean(Qualifications.class);
            Notifications notifications = app.getBean(Notifications.class);
            NotificationMails mails = app.getBean(NotificationMails.class);
            SpecificActions actions = app.getBean(SpecificActions.class);
            EventLog events = app.getBean(EventLog.class);
            TransactionalOperator tx = app.getBean(TransactionalOperator.class);
            LocalDate today = LocalDate.now();
            try (Connection c = pg.in(database).connect()) {
                long t = System.nanoTime();
                long tenant = load(c, today);
                System.out.printf(Locale.ROOT, "[bench] loaded %,d customers, %,d items, %,d open actions in %.1f s%n",
                        customers, (long) customers * ITEMS, BenchTable.count(c, "select count(*) from specific_action"),
                        ImportBenchmark.seconds(t));
                long collectorId = BenchTable.count(c, "select id from app_user where login = 'bench-collector'");
                Staff collector = new Staff(tenant, collectorId, "bench-collector", "Bench Collector", Role.COLLECTOR, "en");
                long samId = BenchTable.count(c, "select id from app_user where login = 'bench-sm-1'");
                Staff sam = new Staff(tenant, samId, "bench-sm-1", "Bench SM 1", Role.SALES_MANAGER, "en");

                // qualifications: the i-th of each series on its own account and item (no version conflict)
                List<Long> targets = new ArrayList<>();
                List<String> numbers = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                        select o.customer_id, o.number from open_item o
                        where o.tenant_id = %d and o.number like '%%-1' order by o.customer_id limit 450""".formatted(tenant))) {
                    while (rs.next()) {
                        targets.add(rs.getLong(1));
                        numbers.add(rs.getString(2));
                    }
                }
                // warm-up (the JIT, the pool, the plans): 50 ordinary qualifications on other accounts
                for (int i = 400; i < 450; i++) {
                    qualifications.qualify(collector, targets.get(i), new Qualification(
                            List.of(new Qualification.ItemRef(ItemType.INVOICE, numbers.get(i), 0)), "CALLED_BACK",
                            today, "Warm-up", null, null)).block();
                }
                long notesBefore = BenchTable.count(c, "select count(*) from user_notification");
                timed("qualification of 1 item as a dispute (trigger: 2 notifications), 200 in a row", 200, i ->
                        qualifications.qualify(collector, targets.get(i), new Qualification(
                                List.of(new Qualification.ItemRef(ItemType.INVOICE, numbers.get(i), 0)), "PRICE_DISPUTE",
                                today, "Price", null, null)).block());
                long notes = BenchTable.count(c, "select count(*) from user_notification") - notesBefore;
                timed("qualification of 1 item, ordinary status (trigger: none), 200 in a row", 200, i ->
                        qualifications.qualify(collector, targets.get(200 + i), new Qualification(
                                List.of(new Qualification.ItemRef(ItemType.INVOICE, numbers.get(200 + i), 0)),
                                "REMINDER_SENT", today, "Reminder", null, null)).block());
                System.out.printf(Locale.ROOT, "[bench] %,d notifications written by 200 disputes%n", notes);

                String perAccount = "select c.id as customer_id, cast('{\"created\": 0}' as jsonb) as payload "
                        + "from customer c where c.tenant_id = :tenant";
                t = System.nanoTime();
                events.appendEach(Actor.system("Bench"), tenant, EventType.ITEMS_IMPORTED, perAccount, Map.of())
                        .as(tx::transactional).block();
                double with = ImportBenchmark.seconds(t);
                pg.in(database).sql("alter table event disable trigger event_user_notifications");
                t = System.nanoTime();
                events.appendEach(Actor.system("Bench"), tenant, EventType.ITEMS_IMPORTED, perAccount, Map.of())
                        .as(tx::transactional).block();
                double without = ImportBenchmark.seconds(t);
                pg.in(database).sql("alter table event enable trigger event_user_notifications");
                table.row("one event per account in one statement (%,d events, an import's summary)".formatted(customers),
                        "%.2f s with the notification trigger, %.2f s without".formatted(with, without), "trigger ≤ +10 %");

                // every notification pending: the 400 above plus one per sales manager's share of accounts
                try (Statement st = c.createStatement()) {
                    st.execute("""
                            insert into user_notification (tenant_id, user_id, kind, customer_id, params, actor_name)
                            select ca.tenant_id, ca.user_id, 'DISPUTE_RAISED', ca.customer_id,
                                   '{"items": ["X-1"], "status": {"code": "PRICE_DISPUTE", "labelEn": "Price dispute"}}',
                                   'Bench Collector'
                            from customer_assignment ca where ca.tenant_id = %d and ca.role = 'SALES_MANAGER'
                              and ca.customer_id %% 4 = 0""".formatted(tenant));
                }
                long pending = BenchTable.count(c, "select count(*) from user_notification where mail_state is null");
                t = System.nanoTime();
                long mailed = 0;
                int runs = 0;
                for (long n; (n = mails.sendImmediate().block()) > 0; runs++) {
                    mailed += n;
                }
                double mailSeconds = ImportBenchmark.seconds(t);
                table.row("mail job over %,d pending notifications (IMMEDIATE, %d runs of ≤ 500)".formatted(pending, runs),
                        "%.2f s, %,d mails queued (%.1f ms per mail)".formatted(mailSeconds, mailed,
                                mailed == 0 ? 0 : mailSeconds * 1000 / mailed), "≤ 5 s per 500 (the job's period)");

                long mine = BenchTable.count(c, "select count(*) from user_notification where user_id = " + samId);
                long head = BenchTable.count(c, "select coalesce(max(id), 0) - 5 from user_notification where user_id = " + samId);
                latency("the bell of a sales manager with %,d notifications: unread count + new since".formatted(mine),
                        () -> notifications.count(sam, true).then(notifications.since(sam, head).collectList()).block());
                latency("notifications list, first 200", () -> notifications.list(sam, false, 0, 200).collectList().block());
                long open = BenchTable.count(c, "select count(*) from specific_action where state = 'OPEN' and assignee_id = " + samId);
                latency("agenda section: open specific actions of a resolver (%,d of %,d open), counts + 200 rows"
                                .formatted(open, BenchTable.count(c, "select count(*) from specific_action where state = 'OPEN'")),
                        () -> actions.countsOfResolver(sam).then(actions.openOfResolver(sam, 200).collectList()).block());
            }
        } finally {
            if (app != null) {
                app.close();
            }
            pg.sql("drop database if exists " + database + " with (force)");
        }
        print(loadBefore);
    }

    private long load(Connection c, LocalDate today) throws Exception {
        long tenant = BenchTable.count(c, "select min(id) from tenant");
        try (Statement st = c.createStatement()) {
            st.execute("""
                    insert into app_user (tenant_id, login, name, email, password_hash, role)
                    select %d, 'bench-sm-' || g, 'Bench SM ' || g, 'sm' || g || '@bench.test', 'x', 'SALES_MANAGER'
                    from generate_series(1, %d) g
                    union all select %d, 'bench-collector', 'Bench Collector', 'c@bench.test', 'x', 'COLLECTOR'"""
                    .formatted(tenant, MANAGERS, tenant));
            st.execute("""
                    insert into customer (tenant_id, account, name)
                    select %d, 'C' || lpad(g::text, 6, '0'), 'Customer ' || g from generate_series(1, %d) g"""
                    .formatted(tenant, customers));
            st.execute("""
                    insert into customer_assignment (tenant_id, customer_id, user_id, role)
                    select c.tenant_id, c.id, u.id, 'COLLECTOR' from customer c
                    join app_user u on u.login = 'bench-collector' where c.tenant_id = %d""".formatted(tenant));
            // two sales managers per account, each manager on 1/25 of the accounts
            st.execute("""
                    insert into customer_assignment (tenant_id, customer_id, user_id, role)
                    select c.tenant_id, c.id, u.id, 'SALES_MANAGER' from customer c
                    join app_user u on u.login in ('bench-sm-' || (1 + c.id %% %d), 'bench-sm-' || (1 + (c.id + 25) %% %d))
                    where c.tenant_id = %d""".formatted(MANAGERS, MANAGERS, tenant));
            st.execute("""
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                           open_amount, currency)
                    select c.tenant_id, c.id, 'INVOICE', c.account || '-' || i, d - 30, d, 500, 500, 'EUR'
                    from customer c cross join generate_series(1, %d) i
                    cross join lateral (select date '%s' - ((c.id * 31 + i * 17) %% 150)::int + 20 as d) due
                    where c.tenant_id = %d""".formatted(ITEMS, today, tenant));
            // 20 open actions per sales manager, on item 10 of their accounts
            st.execute("""
                    with picked as (
                        select ca.customer_id, ca.user_id,
                               row_number() over (partition by ca.user_id order by ca.customer_id) as n
                        from customer_assignment ca where ca.tenant_id = %d and ca.role = 'SALES_MANAGER'),
                    a as (
                        insert into specific_action (tenant_id, customer_id, kind, due_date, assignee_id, note, created_by)
                        select %d, p.customer_id, 'DISPUTE_FOLLOW_UP', date '%s' + (p.n %% 10)::int - 5, p.user_id, '',
                               p.user_id
                        from picked p where p.n <= 20
                        returning id, customer_id)
                    insert into specific_action_item (action_id, open_item_id)
                    select a.id, o.id from a join open_item o on o.customer_id = a.customer_id
                         and o.number like '%%-10'
                    on conflict do nothing""".formatted(tenant, tenant, today));
            st.execute("analyze");
        }
        return tenant;
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private void timed(String what, int n, Step step) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            step.run(i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        table.row(what, "p50 %.1f ms, p95 %.1f ms".formatted(ms[n / 2], ms[(int) Math.ceil(0.95 * n) - 1]), "p95 ≤ 50 ms");
    }

    private void latency(String what, Supplier<Object> read) {
        for (int i = 0; i < 20; i++) {
            read.get();
        }
        double[] ms = new double[200];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            read.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        table.row(what + " (200 reads)", "p50 %.1f ms, p95 %.1f ms".formatted(ms[100], ms[189]), "p95 ≤ 20 ms");
    }



    private void print(String loadBefore) {
        table.print(String.format(Locale.ROOT, "Dispute benchmark (%,d customers, %,d items, %d sales managers; %d cores; load average before: %s)",
                customers, (long) customers * ITEMS, MANAGERS, Runtime.getRuntime().availableProcessors(), loadBefore));
    }
}
