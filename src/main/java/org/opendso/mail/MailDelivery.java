package org.opendso.mail;

import io.r2dbc.spi.Readable;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers the outbox. Safe with several instances: a round claims due mails with {@code for update skip locked}
 * and pushes their next attempt a lease ahead in the same statement, so another instance skips them; the outcome
 * is written only while the claim still holds. A sender that dies mid-way leaves its mails to be taken again when
 * the lease ends. SMTP gives no exactly-once: a server that accepts a mail and then times out gets it again.
 * Runs on a poll and whenever this instance commits a mail; JavaMail blocks, so sending happens on
 * {@code boundedElastic}.
 */
@Service
@EnableConfigurationProperties(MailSettings.class)
class MailDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    static final Actor SENDER = Actor.system("Mail");
    private static final int MAX_ERROR = 1000;
    /** Mails of one round sent at once. */
    private static final int PARALLEL_SENDS = 4;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventLog events;
    private final MailOutbox outbox;
    private final Smtp smtp;
    private final MailSettings settings;

    private volatile Disposable running;
    private boolean toldKept;

    MailDelivery(DatabaseClient db, TransactionalOperator tx, EventLog events, MailOutbox outbox, Smtp smtp,
                 MailSettings settings) {
        this.db = db;
        this.tx = tx;
        this.events = events;
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!smtp.configured() && !toldKept) {
            toldKept = true;
            log.info("No SMTP server configured (spring.mail.host): mails are not sent, they are kept in the mail log");
        }
        running = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()), outbox.committed())
                .onBackpressureLatest()
                .concatMap(tick -> deliverDue().onErrorResume(e -> {
                    log.warn("Mail delivery round failed; trying again at the next one", e);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        Disposable d = running;
        return d != null && !d.isDisposed();
    }

    /** Delivers every due mail (several claims when there are many); emits how many were handled. */
    Mono<Long> deliverDue() {
        return round().expand(n -> n >= settings.batchSize() ? round() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> round() {
        return smtp.sender()
                .map(sender -> claim().flatMap(mail -> deliver(sender, mail), PARALLEL_SENDS).count())
                .orElseGet(this::keepDue);
    }

    /** A mail claimed by this instance until {@code leaseUntil}. */
    record Claimed(long id, long tenantId, Long customerId, String recipient, String recipientName, String subject,
                   String bodyHtml, int attempts, String companyName, OffsetDateTime leaseUntil, String messageId,
                   boolean hasAttachments) {
    }

    Flux<Claimed> claim() {
        return db.sql("""
                        with due as (
                            select id from mail_outbox
                            where state = 'PENDING' and next_attempt_at <= now()
                            order by next_attempt_at, id
                            limit :batch
                            for update skip locked)
                        update mail_outbox m set next_attempt_at = now() + :leaseMs * interval '1 millisecond'
                        from due, tenant t
                        where m.id = due.id and t.id = m.tenant_id
                        returning m.id, m.tenant_id, m.customer_id, m.recipient, m.recipient_name, m.subject,
                                  m.body_html, m.attempts, t.name as company, m.next_attempt_at, m.message_id,
                                  exists (select 1 from mail_attachment a where a.mail_id = m.id) as has_attachments""")
                .bind("batch", settings.batchSize())
                .bind("leaseMs", settings.lease().toMillis())
                .map((row, meta) -> claimed(row))
                .all();
    }

    private static Claimed claimed(Readable row) {
        return new Claimed(row.get("id", Long.class), row.get("tenant_id", Long.class), row.get("customer_id", Long.class),
                row.get("recipient", String.class), row.get("recipient_name", String.class),
                row.get("subject", String.class), row.get("body_html", String.class),
                row.get("attempts", Integer.class), row.get("company", String.class),
                row.get("next_attempt_at", OffsetDateTime.class), row.get("message_id", String.class),
                Boolean.TRUE.equals(row.get("has_attachments", Boolean.class)));
    }

    private Mono<Boolean> deliver(JavaMailSender sender, Claimed mail) {
        return attachments(mail)
                .flatMap(files -> Mono.fromCallable(() -> {
                    sender.send(message(sender, mail, files));
                    return Optional.<Throwable>empty();
                }))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> Mono.just(Optional.of(e)))
                .flatMap(failure -> failure.isEmpty() ? sent(mail) : failed(mail, failure.get()));
    }

    private Mono<List<MailAttachment>> attachments(Claimed mail) {
        if (!mail.hasAttachments()) {
            return Mono.just(List.of());
        }
        return db.sql("select file_name, content_type, content from mail_attachment where mail_id = :id order by id")
                .bind("id", mail.id())
                .map((row, meta) -> new MailAttachment(row.get("file_name", String.class),
                        row.get("content_type", String.class), bytes(row.get("content", ByteBuffer.class))))
                .all().collectList();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Multipart HTML with a plain-text alternative, from the tenant's company, with the mail's own Message-ID. */
    private MimeMessage message(JavaMailSender sender, Claimed mail, List<MailAttachment> files)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(settings.from(), mail.companyName());
        helper.setTo(mail.recipientName() == null || mail.recipientName().isBlank()
                ? new InternetAddress(mail.recipient(), true)
                : new InternetAddress(mail.recipient(), mail.recipientName(), "UTF-8"));
        helper.setSubject(mail.subject());
        helper.setText(PlainText.of(mail.bodyHtml()), mail.bodyHtml());
        for (MailAttachment file : files) {
            helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
        }
        // the same on every attempt (Spring's sender keeps a Message-ID set explicitly)
        message.setHeader("Message-ID", mail.messageId());
        // lets an administrator find the outbox row of a mail seen in a mailbox
        message.setHeader("X-OpenDSO-Mail-Id", String.valueOf(mail.id()));
        return message;
    }

    private Mono<Boolean> sent(Claimed mail) {
        return db.sql("""
                        update mail_outbox set state = 'SENT', sent_at = now(), attempts = attempts + 1
                        where id = :id and state = 'PENDING' and next_attempt_at = :lease""")
                .bind("id", mail.id())
                .bind("lease", mail.leaseUntil())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? lostClaim(mail) : mail.customerId() == null ? Mono.just(true)
                        : events.append(SENDER, mail.tenantId(), mail.customerId(), EventType.MAIL_SENT,
                                Map.of("mailId", mail.id(), "to", mail.recipient(), "subject", mail.subject()))
                                .thenReturn(true))
                .as(tx::transactional);
    }

    private Mono<Boolean> failed(Claimed mail, Throwable failure) {
        int attempts = mail.attempts() + 1;
        boolean givenUp = attempts >= settings.maxAttempts();
        String error = describe(failure);
        if (givenUp) {
            log.warn("Mail {} to {} failed {} times, giving up: {}", mail.id(), mail.recipient(), attempts, error);
        } else {
            log.info("Mail {} to {} failed (attempt {}), trying again in {}: {}", mail.id(), mail.recipient(), attempts,
                    settings.delayAfter(attempts), error);
        }
        return db.sql("""
                        update mail_outbox set attempts = :attempts, last_error = :error, state = :state,
                               next_attempt_at = case when :givenUp then next_attempt_at
                                                      else now() + :delayMs * interval '1 millisecond' end
                        where id = :id and state = 'PENDING' and next_attempt_at = :lease""")
                .bind("attempts", attempts)
                .bind("error", error)
                .bind("state", (givenUp ? MailState.FAILED : MailState.PENDING).name())
                .bind("givenUp", givenUp)
                .bind("delayMs", settings.delayAfter(attempts).toMillis())
                .bind("id", mail.id())
                .bind("lease", mail.leaseUntil())
                .fetch().rowsUpdated()
                .flatMap(n -> {
                    if (n == 0) {
                        return lostClaim(mail);
                    }
                    if (!givenUp || mail.customerId() == null) {
                        return Mono.just(false);
                    }
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("mailId", mail.id());
                    payload.put("to", mail.recipient());
                    payload.put("subject", mail.subject());
                    payload.put("error", error);
                    payload.put("attempts", attempts);
                    return events.append(SENDER, mail.tenantId(), mail.customerId(), EventType.MAIL_FAILED, payload)
                            .thenReturn(false);
                })
                .as(tx::transactional);
    }

    /** The lease ran out and another sender took the mail over: its outcome is that sender's to write. */
    private Mono<Boolean> lostClaim(Claimed mail) {
        log.warn("Mail {}: claim lost before the outcome was written (lease {} too short for the SMTP server?)",
                mail.id(), settings.lease());
        return Mono.just(false);
    }

    /** Without an SMTP server: mails still pending (queued while one was configured) are kept in the log. */
    private Mono<Long> keepDue() {
        return db.sql("""
                        update mail_outbox set state = 'KEPT'
                        where id in (select id from mail_outbox where state = 'PENDING' and next_attempt_at <= now()
                                     order by id limit :batch for update skip locked)""")
                .bind("batch", settings.batchSize())
                .fetch().rowsUpdated();
    }

    /** The cause a person can act on ("Connection refused", "550 mailbox unavailable"), not the wrapper. */
    static String describe(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        return message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR - 1) + "…";
    }
}
