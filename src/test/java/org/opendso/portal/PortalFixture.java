package org.opendso.portal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import org.opendso.TestTenants;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Test data for the portal, written straight to the tables (setup code: blocking is fine): an account of another
 * tenant with a collector (with an email), a contact and invoices, and readers of what the portal wrote.
 */
@TestComponent
public class PortalFixture {

    private final DatabaseClient db;

    PortalFixture(DatabaseClient db) {
        this.db = db;
    }

    /** An account of the tenant, assigned to its collector, with a collection contact. */
    public long account(TestTenants.Other t, String account) {
        long c = db.sql("insert into customer (tenant_id, account, name, language) values (:t, :a, :n, 'en') returning id")
                .bind("t", t.tenantId()).bind("a", account).bind("n", "Customer " + account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", t.tenantId()).bind("c", c).bind("u", t.collector().userId()).then().block();
        db.sql("update app_user set email = :e where id = :u").bind("e", t.collector().login() + "@company.example")
                .bind("u", t.collector().userId()).then().block();
        db.sql("""
                insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                values (:t, :c, 'Zoe Payer', '', :e, '', true)""")
                .bind("t", t.tenantId()).bind("c", c).bind("e", account.toLowerCase() + "@payer.example").then().block();
        return c;
    }

    public long contact(long customer) {
        return db.sql("select id from contact where customer_id = :c order by id limit 1").bind("c", customer)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }

    public long invoice(long tenant, long customer, String number, LocalDate due, String amount) {
        return db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                               open_amount, currency)
                        values (:t, :c, 'INVOICE', :n, :issue, :due, :a, :a, 'EUR') returning id""")
                .bind("t", tenant).bind("c", customer).bind("n", number).bind("issue", due.minusDays(30))
                .bind("due", due).bind("a", new BigDecimal(amount)).map((r, m) -> r.get("id", Long.class)).one().block();
    }

    /** An internal qualification: a status and a comment only staff may read. */
    public void internal(long tenant, long item, String code, String comment, long user) {
        db.sql("""
                update open_item set status_id = (select id from item_status where tenant_id = :t and code = :code),
                       status_date = current_date + 7, last_comment = :comment, changed_by = :u
                where id = :i""")
                .bind("t", tenant).bind("code", code).bind("comment", comment).bind("u", user).bind("i", item)
                .then().block();
    }

    public String statusCode(long tenant, String category) {
        return db.sql("select code from item_status where tenant_id = :t and category = :c order by label_en limit 1")
                .bind("t", tenant).bind("c", category).map((r, m) -> r.get("code", String.class)).one().block();
    }

    public void expire(long link) {
        db.sql("update portal_link set expires_at = now() - interval '1 second' where id = :l").bind("l", link)
                .then().block();
    }

    public byte[] storedHash(long link) {
        ByteBuffer b = db.sql("select token_hash from portal_link where id = :l").bind("l", link)
                .map((r, m) -> r.get("token_hash", ByteBuffer.class)).one().block();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** The types of the account's events, in order. */
    public List<String> events(long customer) {
        return db.sql("select type from event where customer_id = :c order by seq").bind("c", customer)
                .map((r, m) -> r.get("type", String.class)).all().collectList().block();
    }

    public String payload(long customer, String type) {
        return db.sql("select payload::text as p from event where customer_id = :c and type = :t order by seq desc limit 1")
                .bind("c", customer).bind("t", type).map((r, m) -> r.get("p", String.class)).one().block();
    }

    /** recipient, subject, body of the account's mails, in order. */
    public List<String[]> mails(long customer) {
        return db.sql("select recipient, subject, body_html from mail_outbox where customer_id = :c order by id")
                .bind("c", customer)
                .map((r, m) -> new String[] {r.get("recipient", String.class), r.get("subject", String.class),
                        r.get("body_html", String.class)})
                .all().collectList().block();
    }

    /** status code, status date, last comment of an item. */
    public String[] item(long item) {
        return db.sql("""
                        select s.code, o.status_date, o.last_comment from open_item o
                        left join item_status s on s.id = o.status_id where o.id = :i""")
                .bind("i", item)
                .map((r, m) -> new String[] {r.get("code", String.class),
                        String.valueOf(r.get("status_date", LocalDate.class)), r.get("last_comment", String.class)})
                .one().block();
    }

    public static String token(IssuedPortalLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }
}
