package org.opendso.agenda;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Test data for email actions, written straight to the tables (setup code: blocking is fine): scenarios of one
 * email step with its template, mode and recipient, accounts with a language and addresses, and what the outbox
 * and the action hold afterwards. Works with {@link AgendaFixture} (items, payments, statuses, events).
 */
@TestComponent
class EmailFixture {

    /** The outbox row of a mail as the tests read it. */
    record Mail(long id, String recipient, String subject, String body, String state) {
    }

    private final DatabaseClient db;

    EmailFixture(DatabaseClient db) {
        this.db = db;
    }

    /** A scenario with one EMAIL step at +{@code offset} days, with this template, mode and recipient. */
    long scenario(long tenant, String name, int offset, String template, String mode, String recipient, Long user) {
        long id = db.sql("insert into scenario (tenant_id, name) values (:t, :n) returning id")
                .bind("t", tenant).bind("n", name).map((r, m) -> r.get("id", Long.class)).one().block();
        var spec = db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, template_code, mode,
                                           recipient, recipient_user_id, label)
                values (:t, :s, 0, :o, 'EMAIL', :code, :mode, :rcpt, :user, 'Reminder')""")
                .bind("t", tenant).bind("s", id).bind("o", offset).bind("code", template).bind("mode", mode)
                .bind("rcpt", recipient);
        (user == null ? spec.bindNull("user", Long.class) : spec.bind("user", user)).then().block();
        return id;
    }

    void language(long customer, String language) {
        db.sql("update customer set language = :l where id = :c").bind("l", language).bind("c", customer).then().block();
    }

    void customerEmail(long customer, String email) {
        db.sql("update customer set email = :e where id = :c").bind("e", email).bind("c", customer).then().block();
    }

    void contact(long tenant, long customer, String name, String email, boolean collection) {
        db.sql("""
                insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                values (:t, :c, :n, '', :e, '', :cc)""")
                .bind("t", tenant).bind("c", customer).bind("n", name).bind("e", email).bind("cc", collection)
                .then().block();
    }

    void userEmail(long user, String email) {
        db.sql("update app_user set email = :e where id = :u").bind("e", email).bind("u", user).then().block();
    }

    List<Mail> mails(long customer) {
        return db.sql("select id, recipient, subject, body_html, state from mail_outbox where customer_id = :c order by id")
                .bind("c", customer)
                .map((r, m) -> new Mail(r.get("id", Long.class), r.get("recipient", String.class),
                        r.get("subject", String.class), r.get("body_html", String.class), r.get("state", String.class)))
                .all().collectList().block();
    }

    Long mailOf(long action) {
        return db.sql("select mail_id from collection_action where id = :a").bind("a", action)
                .map((r, m) -> java.util.Optional.ofNullable(r.get("mail_id", Long.class))).one().block().orElse(null);
    }

    /** The actor name of the account's events of that type, in order. */
    List<String> actors(long customer, String type) {
        return db.sql("select actor_name from event where customer_id = :c and type = :t order by seq")
                .bind("c", customer).bind("t", type)
                .map((r, m) -> String.valueOf(r.get("actor_name", String.class))).all().collectList().block();
    }

    /**
     * Makes the database refuse to mark this account's actions DONE until closed: a failure after the mail was
     * queued in the same transaction, as a crash before commit would be.
     */
    AutoCloseable failWhenDone(long customer) {
        String name = "fail_done_" + customer;
        db.sql("create function " + name + "() returns trigger language plpgsql as $$ begin "
                + "if new.state = 'DONE' and new.customer_id = " + customer + " then "
                + "raise exception 'simulated crash before commit'; end if; return new; end $$").then().block();
        db.sql("create trigger " + name + " before update on collection_action for each row execute function "
                + name + "()").then().block();
        return () -> {
            db.sql("drop trigger " + name + " on collection_action").then().block();
            db.sql("drop function " + name + "()").then().block();
        };
    }

    LocalDate today() {
        return AgendaFixture.TODAY;
    }
}
