package org.opendso.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;

/** Forecast test data written straight to the tables (setup code: blocking is fine). */
public record ForecastFixture(DatabaseClient db, long tenant) {

    public long customer(String account) {
        return db.sql("insert into customer (tenant_id, account, name) values (:t, :a, :n) returning id")
                .bind("t", tenant).bind("a", account).bind("n", "Customer " + account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }

    public void assign(long customer, long user, String role) {
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, :r)")
                .bind("t", tenant).bind("c", customer).bind("u", user).bind("r", role).then().block();
    }

    public long item(long customer, String type, String number, LocalDate due, String amount) {
        return db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                               open_amount, currency)
                        values (:t, :c, :type, :n, :due, :due, :a, :a, 'EUR') returning id""")
                .bind("t", tenant).bind("c", customer).bind("type", type).bind("n", number).bind("due", due)
                .bind("a", new BigDecimal(amount)).map((r, m) -> r.get("id", Long.class)).one().block();
    }

    public long invoice(long customer, String number, LocalDate due, String amount) {
        return item(customer, "INVOICE", number, due, amount);
    }

    /** A paid invoice of that amount, due on {@code due} and received on {@code received}. */
    public void paid(long customer, String number, LocalDate due, LocalDate received, String amount) {
        long item = invoice(customer, number, due, amount);
        db.sql("update open_item set open_amount = 0, closed_at = now() where id = :i").bind("i", item).then().block();
        db.sql("""
                        insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                        values (:t, :c, :i, :a, :r, :d)""")
                .bind("t", tenant).bind("c", customer).bind("i", item).bind("a", new BigDecimal(amount))
                .bind("r", received).bind("d", due).then().block();
    }

    /** Puts the tenant's status of that code on the item (for a promise, the promised date is the follow-up). */
    public void status(long item, String code, LocalDate followUp) {
        db.sql("""
                update open_item set status_id = (select id from item_status where tenant_id = :t and code = :code),
                       status_date = :f, follow_up_date = :f
                where id = :i""")
                .bind("t", tenant).bind("code", code).bind("f", followUp).bind("i", item).then().block();
    }
}
