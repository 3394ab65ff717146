package org.opendso.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Test data for alerts, written straight to the tables (setup code: blocking is fine), and the fixed clock the
 * application runs on in these tests: {@link #TODAY}. A test component, imported by the alert tests only.
 */
@TestComponent
public class AlertFixture {

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @TestConfiguration
    public static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(12 * 3600), ZoneOffset.UTC);
        }
    }

    /** An alert as the table holds it. */
    public record Row(long id, String rule, String subject, boolean open, boolean ended, String reason) {
    }

    private final DatabaseClient db;

    AlertFixture(DatabaseClient db) {
        this.db = db;
    }

    /** A customer of the tenant, assigned to that user as collector (null: to nobody). */
    public long customer(long tenant, String account, Long collector) {
        long id = db.sql("insert into customer (tenant_id, account, name) values (:t, :a, :n) returning id")
                .bind("t", tenant).bind("a", account).bind("n", "Customer " + account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        if (collector != null) {
            db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                    .bind("t", tenant).bind("c", id).bind("u", collector).then().block();
        }
        return id;
    }

    public long item(long tenant, long customer, String number, LocalDate due, String amount) {
        return db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                               open_amount, currency)
                        values (:t, :c, 'INVOICE', :n, :due, :due, :a, :a, 'EUR') returning id""")
                .bind("t", tenant).bind("c", customer).bind("n", number).bind("due", due)
                .bind("a", new BigDecimal(amount)).map((r, m) -> r.get("id", Long.class)).one().block();
    }

    public void pay(long item) {
        db.sql("update open_item set open_amount = 0, closed_at = now() where id = :i").bind("i", item).then().block();
    }

    /** Puts the tenant's status of that code on the item, with a follow-up (the promised date for a promise). */
    public void status(long tenant, long item, String code, LocalDate followUp) {
        db.sql("""
                update open_item set status_id = (select id from item_status where tenant_id = :t and code = :code),
                       status_date = :d, follow_up_date = :f
                where id = :i""")
                .bind("t", tenant).bind("code", code).bind("d", TODAY.minusDays(20)).bind("f", followUp).bind("i", item)
                .then().block();
    }

    /** A collection action done on that day. */
    public void actionDone(long tenant, long customer, LocalDate day) {
        db.sql("""
                insert into collection_action (tenant_id, customer_id, kind, due_date, state, done_at)
                values (:t, :c, 'CALL', :d, 'DONE', :at)""")
                .bind("t", tenant).bind("c", customer).bind("d", day)
                .bind("at", day.atTime(10, 0).atOffset(ZoneOffset.UTC)).then().block();
    }

    /** A mail to the account in that state; returns its id. */
    public long mail(long tenant, long customer, String state) {
        return db.sql("""
                        insert into mail_outbox (tenant_id, customer_id, recipient, subject, body_html, state, attempts,
                                                 last_error, sent_at)
                        values (:t, :c, 'ap@example.org', 'Reminder', '<p>Hello</p>', :s, 5,
                                case when :s = 'FAILED' then '550 mailbox unavailable' end,
                                case when :s = 'SENT' then now() end)
                        returning id""")
                .bind("t", tenant).bind("c", customer).bind("s", state)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }

    public List<Row> alerts(long customer) {
        return db.sql("""
                        select id, rule, subject, cleared_at is null as open, ended_at is not null as ended, cleared_reason
                        from alert where customer_id = :c order by id""")
                .bind("c", customer)
                .map((r, m) -> new Row(r.get("id", Long.class), r.get("rule", String.class), r.get("subject", String.class),
                        r.get("open", Boolean.class), r.get("ended", Boolean.class), r.get("cleared_reason", String.class)))
                .all().collectList().block();
    }

    public List<Row> alerts(long customer, AlertRule rule) {
        return alerts(customer).stream().filter(a -> a.rule().equals(rule.name())).toList();
    }

    /** The types of the account's events, in order. */
    public List<String> events(long customer) {
        return db.sql("select type from event where customer_id = :c order by seq").bind("c", customer)
                .map((r, m) -> r.get("type", String.class)).all().collectList().block();
    }

    public List<String> payloads(long customer, String type) {
        return db.sql("select payload::text as p from event where customer_id = :c and type = :t order by seq")
                .bind("c", customer).bind("t", type)
                .map((r, m) -> r.get("p", String.class)).all().collectList().block();
    }

}
