package org.opendso.action;

import java.time.LocalDate;
import java.util.List;
import org.opendso.TestTenants;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.user.NewStaffUser;
import org.opendso.user.Users;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Test data for specific actions and notifications, written straight to the tables (setup code: blocking is
 * fine): sales managers, assignments, and reads of what the services wrote. Used with {@code AlertFixture} (its
 * customers, items and fixed clock) so that these tests share one application context.
 */
@TestComponent
public class ActionFixture {

    private final DatabaseClient db;
    private final Users users;

    ActionFixture(DatabaseClient db, Users users) {
        this.db = db;
        this.users = users;
    }

    /** A user of the tenant with that role; its login is {@code login} (globally unique: add a suffix). */
    public Staff user(long tenant, String login, Role role, String locale) {
        long id = users.bootstrap(tenant, new NewStaffUser(login, "Name " + login, login + "@example.org", role, locale,
                TestTenants.PASSWORD)).block();
        return new Staff(tenant, id, login, "Name " + login, role, locale);
    }

    public void assign(long tenant, long customer, long user, String role) {
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, :r)")
                .bind("t", tenant).bind("c", customer).bind("u", user).bind("r", role).then().block();
    }

    public void collectorsSeeAll(long tenant) {
        db.sql("update tenant set collectors_see_all = true where id = :t").bind("t", tenant).then().block();
    }

    /** The kinds of a user's notifications, oldest first. */
    public List<String> notifications(long user) {
        return db.sql("select kind from user_notification where user_id = :u order by id").bind("u", user)
                .map((r, m) -> r.get("kind", String.class)).all().collectList().block();
    }

    public Long notifiedAction(long user) {
        return db.sql("select action_id from user_notification where user_id = :u order by id desc limit 1").bind("u", user)
                .map((r, m) -> r.get("action_id", Long.class)).one().block();
    }

    /** Subjects and bodies of the mails queued to that address, oldest first. */
    public List<String[]> mails(String recipient) {
        return db.sql("select subject, body_html from mail_outbox where recipient = :r order by id").bind("r", recipient)
                .map((r, m) -> new String[] {r.get("subject", String.class), r.get("body_html", String.class)})
                .all().collectList().block();
    }

    public record ItemState(String status, String comment, LocalDate followUp) {
    }

    public ItemState item(long item) {
        return db.sql("""
                        select s.code, o.last_comment, o.follow_up_date from open_item o
                        left join item_status s on s.id = o.status_id where o.id = :i""")
                .bind("i", item)
                .map((r, m) -> new ItemState(r.get("code", String.class), r.get("last_comment", String.class),
                        r.get("follow_up_date", LocalDate.class)))
                .one().block();
    }

    public long count(String sql, long tenant) {
        return db.sql(sql).bind("t", tenant).map((r, m) -> r.get(0, Long.class)).one().block();
    }

    public void removeResolvedStatuses(long tenant) {
        db.sql("delete from item_status where tenant_id = :t and category = 'DISPUTE_RESOLVED'").bind("t", tenant)
                .then().block();
    }

    public void clearMarks(long tenant) {
        db.sql("delete from agenda_change where tenant_id = :t").bind("t", tenant).then().block();
    }
}
