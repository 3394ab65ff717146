package org.opendso.mail;

import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;

/** Test helper: outbox rows written and read directly, as another instance or an older version would leave them. */
final class MailRows {

    private MailRows() {
    }

    /** The outbox row as the sender leaves it. */
    record Row(MailState state, int attempts, OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime sentAt) {
    }

    static Row row(DatabaseClient db, long id) {
        return db.sql("select state, attempts, next_attempt_at, last_error, sent_at from mail_outbox where id = :id")
                .bind("id", id)
                .map((r, m) -> new Row(MailState.valueOf(r.get("state", String.class)), r.get("attempts", Integer.class),
                        r.get("next_attempt_at", OffsetDateTime.class), r.get("last_error", String.class),
                        r.get("sent_at", OffsetDateTime.class)))
                .one().block();
    }

    /** A due mail of the demo tenant, inserted directly (no event, no wake-up); customer null for none. */
    static long insert(DatabaseClient db, Long customerId, String recipient, String subject, MailState state, int attempts) {
        var spec = db.sql("""
                        insert into mail_outbox (tenant_id, customer_id, recipient, subject, body_html, state, attempts)
                        values (1, :customer, :recipient, :subject, :body, :state, :attempts) returning id""")
                .bind("recipient", recipient)
                .bind("subject", subject)
                .bind("body", "<p>" + subject + "</p>")
                .bind("state", state.name())
                .bind("attempts", attempts);
        spec = customerId == null ? spec.bindNull("customer", Long.class) : spec.bind("customer", customerId);
        return spec.map((r, m) -> r.get("id", Long.class)).one().block();
    }

    static long customerId(DatabaseClient db, long tenantId, String account) {
        return db.sql("select id from customer where tenant_id = :t and account = :a")
                .bind("t", tenantId).bind("a", account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }
}
