package org.opendso.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Test data for the reports, written straight to the tables (setup code: blocking is fine), in a company of its own
 * whose default item ({@code TestTenants}) is removed so that every figure is the test's. The application runs on
 * the alert tests' fixed clock (2026-03-10), so the tests share one application context.
 */
@TestComponent
public class ReportFixture {

    /** A card on the dashboard, as the forecast's will be: the dashboard shows every card bean below its figures. */
    @org.springframework.boot.test.context.TestConfiguration
    public static class Card {
        @org.springframework.context.annotation.Bean
        org.opendso.ui.DashboardCard testCard() {
            return new org.opendso.ui.DashboardCard() {
                @Override
                public com.vaadin.flow.component.Component create(org.opendso.security.Staff staff) {
                    com.vaadin.flow.component.html.Span card = new com.vaadin.flow.component.html.Span("Card for " + staff.login());
                    card.addClassName("test-dashboard-card");
                    return card;
                }

                @Override
                public int order() {
                    return 5;
                }
            };
        }
    }

    public static final LocalDate TODAY = org.opendso.alert.AlertFixture.TODAY;

    private final DatabaseClient db;

    ReportFixture(DatabaseClient db) {
        this.db = db;
    }

    /** Removes the items the test company was created with (and their sales). */
    public void empty(long tenant) {
        db.sql("delete from open_item where tenant_id = :t").bind("t", tenant).then().block();
        db.sql("delete from sales_month where tenant_id = :t").bind("t", tenant).then().block();
    }

    /** A customer of the tenant, assigned to that user (null: to nobody) in that role. */
    public long customer(long tenant, String account, Long user, String role) {
        long id = db.sql("insert into customer (tenant_id, account, name) values (:t, :a, :n) returning id")
                .bind("t", tenant).bind("a", account).bind("n", "Customer " + account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        if (user != null) {
            db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, :r)")
                    .bind("t", tenant).bind("c", id).bind("u", user).bind("r", role).then().block();
        }
        return id;
    }

    public long item(long tenant, long customer, String type, String number, LocalDate issue, LocalDate due,
                     String amount, String open, String currency) {
        return db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                               open_amount, currency, closed_at)
                        values (:t, :c, :type, :n, :issue, :due, :a, :o, :cur, case when :closed then now() end) returning id""")
                .bind("t", tenant).bind("c", customer).bind("type", type).bind("n", number).bind("issue", issue)
                .bind("due", due).bind("a", new BigDecimal(amount)).bind("o", new BigDecimal(open)).bind("cur", currency)
                .bind("closed", new BigDecimal(open).signum() == 0)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }

    /** An open invoice in euros. */
    public long invoice(long tenant, long customer, String number, LocalDate issue, LocalDate due, String amount) {
        return item(tenant, customer, "INVOICE", number, issue, due, amount, amount, "EUR");
    }

    /** Money received on that day for the item, its open amount going down by as much (closed at zero). */
    public void receive(long item, String amount, LocalDate on) {
        db.sql("""
                        insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                        select tenant_id, customer_id, id, :a, :on, due_date from open_item where id = :i""")
                .bind("a", new BigDecimal(amount)).bind("on", on).bind("i", item).then().block();
        db.sql("""
                        update open_item set open_amount = open_amount - :a,
                               closed_at = case when open_amount - :a = 0 then :at end
                        where id = :i""")
                .bind("a", new BigDecimal(amount)).bind("at", on.atTime(18, 0).atOffset(ZoneOffset.UTC)).bind("i", item)
                .then().block();
    }

    /** The tenant's status of that code on the item since that day, with that comment (null: none). */
    public void status(long tenant, long item, String code, LocalDate since, String comment) {
        var spec = db.sql("""
                        update open_item set status_id = (select id from item_status where tenant_id = :t and code = :code),
                               status_date = :d, last_comment = :comment
                        where id = :i""")
                .bind("t", tenant).bind("code", code).bind("d", since).bind("i", item);
        (comment == null ? spec.bindNull("comment", String.class) : spec.bind("comment", comment)).then().block();
    }

    /** A dispute follow-up on these items, assigned to that user; completed {@code days} after it was created. */
    public long disputeAction(long tenant, long customer, long assignee, Integer completedAfterDays, long... items) {
        var spec = db.sql("""
                        insert into specific_action (tenant_id, customer_id, kind, due_date, assignee_id, state,
                                                     created_by, created_at, completed_by, completed_at)
                        values (:t, :c, 'DISPUTE_FOLLOW_UP', :due, :u, :state, :u, :created,
                                case when :done then :u end, :completed) returning id""")
                .bind("t", tenant).bind("c", customer).bind("due", TODAY.plusDays(7)).bind("u", assignee)
                .bind("state", completedAfterDays == null ? "OPEN" : "COMPLETED")
                .bind("created", TODAY.minusDays(30).atStartOfDay().atOffset(ZoneOffset.UTC))
                .bind("done", completedAfterDays != null);
        spec = completedAfterDays == null ? spec.bindNull("completed", java.time.OffsetDateTime.class)
                : spec.bind("completed", TODAY.minusDays(30 - completedAfterDays).atStartOfDay().atOffset(ZoneOffset.UTC));
        long id = spec.map((r, m) -> r.get("id", Long.class)).one().block();
        for (long item : items) {
            db.sql("insert into specific_action_item (action_id, open_item_id) values (:a, :i)")
                    .bind("a", id).bind("i", item).then().block();
        }
        return id;
    }

    public void sql(String sql, long tenant) {
        db.sql(sql).bind("t", tenant).then().block();
    }
}
