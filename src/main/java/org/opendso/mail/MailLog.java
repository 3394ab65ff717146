package org.opendso.mail;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tenant's outgoing mails, newest first. An administrator sees all of them; a collector or a sales manager
 * sees the mails about the customers they may see, and the mails they queued themselves. Only administrators
 * send a failed or kept mail again.
 */
@Service
public class MailLog {

    private static final String FROM = """
            from mail_outbox m
            left join customer c on c.id = m.customer_id and c.tenant_id = m.tenant_id
            left join app_user u on u.id = m.created_by
            """;

    /**
     * Who sees which mail. The customer part is customer.Visibility's rule (package-private there), written out
     * again on the joined customer {@code c}: keep the two alike.
     */
    private static final String VISIBLE = """
            m.tenant_id = :tenant and (
                :admin
                or m.created_by = :user
                or (c.id is not null and (
                    (:collector and (select t.collectors_see_all from tenant t where t.id = :tenant))
                    or exists (select 1 from customer_assignment a where a.customer_id = c.id and a.user_id = :user))))""";

    private static final String COLUMNS = """
            select m.id, m.customer_id, c.account, c.name as customer_name, m.recipient, m.recipient_name, m.subject,
                   m.state, m.attempts, m.next_attempt_at, m.last_error, u.name as created_by_name, m.created_at, m.sent_at
            """;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventLog events;
    private final MailOutbox outbox;
    private final Smtp smtp;

    MailLog(DatabaseClient db, TransactionalOperator tx, EventLog events, MailOutbox outbox, Smtp smtp) {
        this.db = db;
        this.tx = tx;
        this.events = events;
        this.outbox = outbox;
        this.smtp = smtp;
    }

    /** False when no SMTP server is configured: mails are then kept here, not sent. */
    public boolean sending() {
        return smtp.configured();
    }

    /** One page of the mails the staff member may see, newest first; {@code state} null for all. */
    public Flux<LoggedMail> list(Staff staff, MailState state, int page, int size) {
        if (page < 0 || size < 1) {
            return Flux.error(new IllegalArgumentException("page must be 0 or more and size 1 or more"));
        }
        String sql = COLUMNS + FROM + " where " + VISIBLE + stateFilter(state)
                + " order by m.created_at desc, m.id desc limit :limit offset :offset";
        return bind(db.sql(sql), staff, state)
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map((row, meta) -> mail(row))
                .all();
    }

    public Mono<Long> count(Staff staff, MailState state) {
        return bind(db.sql("select count(*) as n " + FROM + " where " + VISIBLE + stateFilter(state)), staff, state)
                .map((row, meta) -> row.get("n", Long.class))
                .one();
    }

    /** One mail with its body; empty when it is another tenant's or one the staff member may not see. */
    public Mono<MailContent> find(Staff staff, long id) {
        return bind(db.sql(COLUMNS + ", m.body_html " + FROM + " where m.id = :id and " + VISIBLE), staff, null)
                .bind("id", id)
                .map((row, meta) -> new MailContent(mail(row), row.get("body_html", String.class)))
                .one();
    }

    /**
     * Queues a failed or kept mail again, for a fresh round of attempts, and logs it on the account. Admins only;
     * refused while no SMTP server is configured (the mail would only be kept again).
     */
    public Mono<LoggedMail> retry(Staff admin, long id) {
        if (admin.role() != Role.ADMIN) {
            return Mono.error(new AccessDeniedException("Only administrators send a mail again"));
        }
        if (!smtp.configured()) {
            return Mono.error(new IllegalArgumentException(
                    "No mail server is configured (spring.mail.host): mails are kept in the mail log, not sent"));
        }
        return db.sql("""
                        update mail_outbox set state = 'PENDING', attempts = 0, next_attempt_at = now()
                        where tenant_id = :tenant and id = :id and state in ('FAILED', 'KEPT')
                        returning id, customer_id, recipient, recipient_name, subject""")
                .bind("tenant", admin.tenantId())
                .bind("id", id)
                .map((row, meta) -> new Requeued(row.get("id", Long.class), row.get("customer_id", Long.class),
                        new OutgoingMail(row.get("recipient", String.class), row.get("recipient_name", String.class),
                                row.get("subject", String.class), "")))
                .one()
                .switchIfEmpty(Mono.defer(() -> notRetryable(admin, id)))
                .flatMap(r -> {
                    Mono<?> logged = r.customerId() == null ? Mono.empty()
                            : events.append(Actor.of(admin), admin.tenantId(), r.customerId(), EventType.MAIL_QUEUED,
                                    retried(r));
                    return logged.then(outbox.wakeSenderAfterCommit(r.id())).thenReturn(r.id());
                })
                .as(tx::transactional)
                .flatMap(mailId -> find(admin, mailId))
                .map(MailContent::mail);
    }

    private record Requeued(long id, Long customerId, OutgoingMail mail) {
    }

    private static java.util.Map<String, Object> retried(Requeued r) {
        var payload = new java.util.LinkedHashMap<>(MailOutbox.queuedPayload(r.id(), r.mail()));
        payload.put("retry", true);
        return payload;
    }

    private Mono<Requeued> notRetryable(Staff admin, long id) {
        return db.sql("select state from mail_outbox where tenant_id = :tenant and id = :id")
                .bind("tenant", admin.tenantId())
                .bind("id", id)
                .map((row, meta) -> row.get("state", String.class))
                .one()
                .flatMap(state -> Mono.<Requeued>error(new IllegalArgumentException(
                        "Mail " + id + " is " + state.toLowerCase() + ": only a failed or kept mail is sent again")))
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("No mail " + id)));
    }

    private static String stateFilter(MailState state) {
        return state == null ? "" : " and m.state = :state";
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, Staff staff, MailState state) {
        spec = spec.bind("tenant", staff.tenantId())
                .bind("admin", staff.role() == Role.ADMIN)
                .bind("collector", staff.role() == Role.COLLECTOR)
                .bind("user", staff.userId());
        return state == null ? spec : spec.bind("state", state.name());
    }

    private static LoggedMail mail(Readable row) {
        return new LoggedMail(row.get("id", Long.class), row.get("customer_id", Long.class),
                row.get("account", String.class), row.get("customer_name", String.class),
                row.get("recipient", String.class), row.get("recipient_name", String.class),
                row.get("subject", String.class), MailState.valueOf(row.get("state", String.class)),
                row.get("attempts", Integer.class), row.get("next_attempt_at", OffsetDateTime.class),
                row.get("last_error", String.class), row.get("created_by_name", String.class),
                row.get("created_at", OffsetDateTime.class), row.get("sent_at", OffsetDateTime.class));
    }
}
