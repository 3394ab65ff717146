package org.opendso.mail;

import java.util.Map;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Queues emails. {@link #queue} must run inside the transaction of the action that causes the mail: the mail
 * then exists exactly when the action does, and a sender delivers it after commit.
 */
@Service
public class MailOutbox {

    private final DatabaseClient db;
    private final EventLog events;

    MailOutbox(DatabaseClient db, EventLog events) {
        this.db = db;
        this.events = events;
    }

    /** Queues a mail about a customer account and logs MAIL_QUEUED on that account; emits the mail's id. */
    public Mono<Long> queue(Actor actor, long tenantId, long customerId, OutgoingMail mail) {
        var spec = db.sql("""
                        insert into mail_outbox (tenant_id, customer_id, recipient, recipient_name, subject, body_html, created_by)
                        values (:tenant, :customer, :recipient, :name, :subject, :body, :user)
                        returning id""")
                .bind("tenant", tenantId)
                .bind("customer", customerId)
                .bind("recipient", mail.recipient())
                .bind("subject", mail.subject())
                .bind("body", mail.bodyHtml());
        spec = mail.recipientName() == null ? spec.bindNull("name", String.class) : spec.bind("name", mail.recipientName());
        spec = actor.userId() == null ? spec.bindNull("user", Long.class) : spec.bind("user", actor.userId());
        return spec.map((row, meta) -> row.get("id", Long.class)).one()
                .flatMap(id -> events.append(actor, tenantId, customerId, EventType.MAIL_QUEUED, Map.of(
                                "mailId", id,
                                "to", mail.recipient(),
                                "toName", mail.recipientName() == null ? mail.recipient() : mail.recipientName(),
                                "subject", mail.subject()))
                        .map(AccountEvent::seq)
                        .thenReturn(id));
    }
}
