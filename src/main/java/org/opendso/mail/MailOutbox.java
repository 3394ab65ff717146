package org.opendso.mail;

import java.nio.ByteBuffer;

import java.util.Map;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Queues emails. {@link #queue} must run inside the transaction of the action that causes the mail: the mail
 * then exists exactly when the action does, and a sender delivers it after commit. Without an SMTP server the
 * mail is queued as KEPT: it is final at once, and the mail log shows it as it will stay.
 */
@Service
public class MailOutbox {

    private final DatabaseClient db;
    private final EventLog events;
    private final Smtp smtp;
    /** Tells this instance's sender that a mail was committed, so that it does not wait for its next poll. */
    private final Sinks.Many<Long> committed = Sinks.many().multicast().directBestEffort();

    private final String messageIdDomain;

    MailOutbox(DatabaseClient db, EventLog events, Smtp smtp, MailSettings settings) {
        this.db = db;
        this.events = events;
        this.smtp = smtp;
        this.messageIdDomain = settings.messageIdDomain();
    }

    /** Queues a mail about a customer account and logs MAIL_QUEUED on that account; emits the mail's id. */
    public Mono<Long> queue(Actor actor, long tenantId, long customerId, OutgoingMail mail) {
        var spec = db.sql("""
                        insert into mail_outbox (tenant_id, customer_id, recipient, recipient_name, subject, body_html,
                                                 created_by, state, message_id)
                        values (:tenant, :customer, :recipient, :name, :subject, :body, :user, :state,
                                '<' || gen_random_uuid() || '@' || :domain || '>')
                        returning id""")
                .bind("domain", messageIdDomain)
                .bind("tenant", tenantId)
                .bind("customer", customerId)
                .bind("recipient", mail.recipient())
                .bind("subject", mail.subject())
                .bind("body", mail.bodyHtml())
                .bind("state", (smtp.configured() ? MailState.PENDING : MailState.KEPT).name());
        spec = mail.recipientName() == null ? spec.bindNull("name", String.class) : spec.bind("name", mail.recipientName());
        spec = actor.userId() == null ? spec.bindNull("user", Long.class) : spec.bind("user", actor.userId());
        return spec.map((row, meta) -> row.get("id", Long.class)).one()
                .flatMap(id -> attach(id, mail).thenReturn(id))
                .flatMap(id -> events.append(actor, tenantId, customerId, EventType.MAIL_QUEUED, queuedPayload(id, mail))
                        .map(AccountEvent::seq)
                        .then(wakeSenderAfterCommit(id))
                        .thenReturn(id));
    }

    /**
     * Queues an internal mail to a member of staff about no one account (a notification, a daily digest): no
     * account event. Runs in the caller's transaction like {@link #queue}; emits the mail's id.
     */
    public Mono<Long> queueToStaff(long tenantId, OutgoingMail mail) {
        var spec = db.sql("""
                        insert into mail_outbox (tenant_id, recipient, recipient_name, subject, body_html, state, message_id)
                        values (:tenant, :recipient, :name, :subject, :body, :state,
                                '<' || gen_random_uuid() || '@' || :domain || '>')
                        returning id""")
                .bind("domain", messageIdDomain)
                .bind("tenant", tenantId)
                .bind("recipient", mail.recipient())
                .bind("subject", mail.subject())
                .bind("body", mail.bodyHtml())
                .bind("state", (smtp.configured() ? MailState.PENDING : MailState.KEPT).name());
        spec = mail.recipientName() == null ? spec.bindNull("name", String.class) : spec.bind("name", mail.recipientName());
        return spec.map((row, meta) -> row.get("id", Long.class)).one()
                .flatMap(id -> wakeSenderAfterCommit(id).thenReturn(id));
    }

    private Mono<Void> attach(long mailId, OutgoingMail mail) {
        return Flux.fromIterable(mail.attachments())
                .concatMap(a -> db.sql("""
                                insert into mail_attachment (mail_id, file_name, content_type, content)
                                values (:mail, :name, :type, :content)""")
                        .bind("mail", mailId)
                        .bind("name", a.fileName())
                        .bind("type", a.contentType())
                        .bind("content", ByteBuffer.wrap(a.content()))
                        .fetch().rowsUpdated())
                .then();
    }

    static Map<String, Object> queuedPayload(long id, OutgoingMail mail) {
        return Map.of(
                "mailId", id,
                "to", mail.recipient(),
                "toName", mail.recipientName() == null ? mail.recipient() : mail.recipientName(),
                "subject", mail.subject());
    }

    /** Ids of mails committed on this instance (best effort: the sender's poll catches anything missed). */
    Flux<Long> committed() {
        return committed.asFlux();
    }

    /** Wakes the sender once the caller's transaction commits (at once when there is none); nothing on rollback. */
    Mono<Void> wakeSenderAfterCommit(long mailId) {
        if (!smtp.configured()) {
            return Mono.empty();
        }
        return TransactionSynchronizationManager.forCurrentTransaction()
                .flatMap(sync -> {
                    if (!sync.isSynchronizationActive()) {
                        return Mono.error(new NoTransactionException("no synchronization"));
                    }
                    sync.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(() -> committed.tryEmitNext(mailId));
                        }
                    });
                    return Mono.<Void>empty();
                })
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(() -> committed.tryEmitNext(mailId)));
    }
}
