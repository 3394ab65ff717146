package org.opendso.agenda;

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
 * Test data for the agenda, written straight to the tables (setup code: blocking is fine), and the fixed clock the
 * application runs on in these tests: {@link #TODAY}. A test component, imported by the agenda tests only: as a
 * plain component it was found by the application's component scan in every test context, and its nested clock
 * configuration moved the whole suite's "today" to 2026-03-10.
 */
@TestComponent
class AgendaFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    /** A waiting or handled action as the table holds it. */
    record Row(long id, String kind, LocalDate dueDate, String state, Integer step, LocalDate anchor, Long assignee,
               long version) {
    }

    private final DatabaseClient db;

    AgendaFixture(DatabaseClient db) {
        this.db = db;
    }

    /** A scenario of the tenant with steps {offset, kind} in this order. */
    long scenario(long tenant, String name, Object... offsetsAndKinds) {
        long id = db.sql("insert into scenario (tenant_id, name) values (:t, :n) returning id")
                .bind("t", tenant).bind("n", name).map((r, m) -> r.get("id", Long.class)).one().block();
        for (int i = 0; i < offsetsAndKinds.length; i += 2) {
            db.sql("""
                    insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, label)
                    values (:t, :s, :p, :o, :k, :l)""")
                    .bind("t", tenant).bind("s", id).bind("p", i / 2).bind("o", offsetsAndKinds[i])
                    .bind("k", offsetsAndKinds[i + 1]).bind("l", "Step " + (i / 2)).then().block();
        }
        return id;
    }

    /** A customer following the scenario (null: the default), assigned to the collector. */
    long customer(long tenant, String account, Long scenario, long collector) {
        var spec = db.sql("insert into customer (tenant_id, account, name, scenario_id) values (:t, :a, :n, :s) returning id")
                .bind("t", tenant).bind("a", account).bind("n", "Customer " + account);
        spec = scenario == null ? spec.bindNull("s", Long.class) : spec.bind("s", scenario);
        long id = spec.map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", tenant).bind("c", id).bind("u", collector).then().block();
        return id;
    }

    long item(long tenant, long customer, String number, LocalDate due, String amount) {
        return db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                               open_amount, currency)
                        values (:t, :c, 'INVOICE', :n, :due, :due, :a, :a, 'EUR') returning id""")
                .bind("t", tenant).bind("c", customer).bind("n", number).bind("due", due)
                .bind("a", new BigDecimal(amount)).map((r, m) -> r.get("id", Long.class)).one().block();
    }

    void pay(long item) {
        db.sql("update open_item set open_amount = 0, closed_at = now() where id = :i").bind("i", item).then().block();
    }

    /** Puts the tenant's status of that code on the item, with a follow-up date. */
    void status(long tenant, long item, String code, LocalDate followUp) {
        db.sql("""
                update open_item set status_id = (select id from item_status where tenant_id = :t and code = :code),
                       status_date = :d, follow_up_date = :f
                where id = :i""")
                .bind("t", tenant).bind("code", code).bind("d", TODAY).bind("f", followUp).bind("i", item).then().block();
    }

    long specificAction(long tenant, long customer, long user, long item) {
        long id = db.sql("""
                        insert into specific_action (tenant_id, customer_id, kind, due_date, assignee_id, created_by)
                        values (:t, :c, 'DISPUTE_FOLLOW_UP', :d, :u, :u) returning id""")
                .bind("t", tenant).bind("c", customer).bind("d", TODAY).bind("u", user)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("insert into specific_action_item (action_id, open_item_id) values (:a, :i)")
                .bind("a", id).bind("i", item).then().block();
        return id;
    }

    void closeSpecificAction(long id) {
        db.sql("update specific_action set state = 'COMPLETED' where id = :a").bind("a", id).then().block();
    }

    List<Row> actions(long customer) {
        return db.sql("""
                        select id, kind, due_date, state, step_position, anchor_date, assignee_id, version
                        from collection_action where customer_id = :c order by id""")
                .bind("c", customer)
                .map((r, m) -> new Row(r.get("id", Long.class), r.get("kind", String.class),
                        r.get("due_date", LocalDate.class), r.get("state", String.class),
                        r.get("step_position", Integer.class), r.get("anchor_date", LocalDate.class),
                        r.get("assignee_id", Long.class), r.get("version", Long.class)))
                .all().collectList().block();
    }

    List<Row> waiting(long customer) {
        return actions(customer).stream().filter(r -> r.state().equals("PLANNED") || r.state().equals("TO_CONFIRM"))
                .toList();
    }

    /** The types of the account's events, in order. */
    List<String> events(long customer) {
        return db.sql("select type from event where customer_id = :c order by seq").bind("c", customer)
                .map((r, m) -> r.get("type", String.class)).all().collectList().block();
    }

    String lastPayload(long customer) {
        return db.sql("select payload::text as p from event where customer_id = :c order by seq desc limit 1")
                .bind("c", customer).map((r, m) -> r.get("p", String.class)).one().block();
    }
}
