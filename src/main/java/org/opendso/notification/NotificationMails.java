package org.opendso.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendso.mail.MailOutbox;
import org.opendso.mail.OutgoingMail;
import org.opendso.ui.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emails notifications through the outbox, per each user's preference (decision 0017): IMMEDIATE every few
 * seconds, one mail per notification; DAILY_DIGEST once a day, one mail listing them; NONE never. Cluster-safe
 * and never twice: a run claims the rows it mails ({@code for update skip locked}, marking them in the transaction
 * that queues the mails), and a digest claims its user's day in {@code notification_digest} first.
 */
@Component
public class NotificationMails {

    private static final Logger log = LoggerFactory.getLogger(NotificationMails.class);
    static final int BATCH = 500;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final MailOutbox outbox;
    private final NotificationTexts texts;
    private final JsonMapper json;
    private final Clock clock;

    NotificationMails(DatabaseClient db, TransactionalOperator tx, MailOutbox outbox, NotificationTexts texts,
                      JsonMapper json, Optional<Clock> clock) {
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.texts = texts;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Scheduled(cron = "${opendso.notifications.mail-cron:*/5 * * * * *}")
    void immediateSchedule() {
        sendImmediate().subscribe(n -> {
            if (n > 0) {
                log.debug("{} notification mails queued", n);
            }
        }, e -> log.warn("Notification mails failed", e));
    }

    @Scheduled(cron = "${opendso.notifications.digest-cron:0 0 18 * * *}")
    void digestSchedule() {
        sendDigests(LocalDate.now(clock)).subscribe(n -> log.info("{} notification digests queued", n),
                e -> log.warn("Notification digests failed", e));
    }

    /**
     * Mails the pending notifications of IMMEDIATE users, one each, and marks those of users who want none (or have
     * no address) SKIPPED; emits the number of mails queued. A batch per run: the next run takes the rest.
     */
    public Mono<Long> sendImmediate() {
        return Mono.defer(() -> db.sql("""
                                with pending as (
                                    select n.id, case when coalesce(s.email, 'IMMEDIATE') = 'NONE' or not u.enabled
                                                           or coalesce(u.email, '') = '' then 'SKIPPED' else 'SENT' end as state,
                                           u.email, u.name, u.locale
                                    from user_notification n
                                    join app_user u on u.id = n.user_id
                                    left join notification_setting s on s.user_id = n.user_id
                                    where n.mail_state is null and coalesce(s.email, 'IMMEDIATE') in ('IMMEDIATE', 'NONE')
                                    order by n.id limit :batch
                                    for update of n skip locked)
                                update user_notification n set mail_state = p.state, mailed_at = now()
                                from pending p, customer c
                                where n.id = p.id and c.id = n.customer_id
                                returning n.id, n.tenant_id, p.state, p.email, p.name, p.locale, n.kind, n.customer_id,
                                          c.account, c.name as customer_name, n.action_id, n.params::text as params,
                                          n.actor_name, n.created_at""")
                        .bind("batch", BATCH)
                        .map((row, meta) -> claimed(row))
                        .all()
                        // read the claim to its end before queueing: a second statement on the transaction's one
                        // connection while the first still streams its rows waits for it for ever
                        .collectList()
                        .flatMapMany(Flux::fromIterable)
                        .filter(c -> "SENT".equals(c.state()))
                        .concatMap(c -> outbox.queueToStaff(c.tenantId(), immediate(c)))
                        .count()
                        .as(tx::transactional));
    }

    /**
     * The digest of {@code day} for every DAILY_DIGEST user with pending notifications who has not had that day's
     * digest yet: one mail each; emits the number of mails queued.
     */
    public Mono<Long> sendDigests(LocalDate day) {
        return Mono.defer(() -> db.sql("""
                                with users as (
                                    insert into notification_digest (user_id, sent_on)
                                    select distinct n.user_id, :day from user_notification n
                                    join notification_setting s on s.user_id = n.user_id and s.email = 'DAILY_DIGEST'
                                    where n.mail_state is null
                                    on conflict (user_id) do update set sent_on = excluded.sent_on
                                    where notification_digest.sent_on < excluded.sent_on
                                    returning user_id),
                                claimed as (
                                    update user_notification n set mail_state = 'DIGESTED', mailed_at = now()
                                    from users
                                    where n.user_id = users.user_id and n.mail_state is null
                                    returning n.*)
                                select n.id, n.tenant_id, case when u.enabled and coalesce(u.email, '') <> '' then 'SENT'
                                       else 'SKIPPED' end as state, u.email, u.name, u.locale, n.kind, n.customer_id,
                                       c.account, c.name as customer_name, n.action_id, n.params::text as params,
                                       n.actor_name, n.created_at, n.user_id
                                from claimed n join app_user u on u.id = n.user_id join customer c on c.id = n.customer_id
                                order by n.user_id, n.id""")
                        .bind("day", day)
                        .map((row, meta) -> claimed(row))
                        .all()
                        .filter(c -> "SENT".equals(c.state()))
                        .collectList()
                        .flatMapMany(list -> {
                            Map<String, List<Claimed>> byUser = new LinkedHashMap<>();
                            list.forEach(c -> byUser.computeIfAbsent(c.email(), k -> new ArrayList<>()).add(c));
                            return Flux.fromIterable(byUser.values());
                        })
                        .concatMap(mine -> outbox.queueToStaff(mine.getFirst().tenantId(), digest(mine, day)))
                        .count()
                        .as(tx::transactional));
    }

    record Claimed(long id, long tenantId, String state, String email, String name, String locale,
                   UserNotification notification) {
    }

    private Claimed claimed(io.r2dbc.spi.Readable row) {
        UserNotification n = new UserNotification(row.get("id", Long.class),
                NotificationKind.valueOf(row.get("kind", String.class)), row.get("customer_id", Long.class),
                row.get("account", String.class), row.get("customer_name", String.class), row.get("action_id", Long.class),
                json.readTree(row.get("params", String.class)), row.get("actor_name", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), null);
        return new Claimed(n.id(), row.get("tenant_id", Long.class), row.get("state", String.class),
                row.get("email", String.class), row.get("name", String.class), row.get("locale", String.class), n);
    }

    private OutgoingMail immediate(Claimed c) {
        Locale locale = Locale.forLanguageTag(c.locale());
        UserNotification n = c.notification();
        StringBuilder body = new StringBuilder()
                .append("<p>").append(esc(texts.t(locale, "notifications.mail.greeting", c.name()))).append("</p>")
                .append(entry(n, locale))
                .append(footer(locale));
        return new OutgoingMail(c.email(), c.name(), texts.subject(n, locale), body.toString());
    }

    private OutgoingMail digest(List<Claimed> mine, LocalDate day) {
        Claimed first = mine.getFirst();
        Locale locale = Locale.forLanguageTag(first.locale());
        StringBuilder body = new StringBuilder()
                .append("<p>").append(esc(texts.t(locale, "notifications.mail.greeting", first.name()))).append("</p>")
                .append("<p>").append(esc(texts.t(locale, "notifications.mail.digest.intro", mine.size()))).append("</p>");
        mine.forEach(c -> body.append(entry(c.notification(), locale)));
        body.append(footer(locale));
        return new OutgoingMail(first.email(), first.name(),
                texts.t(locale, "notifications.mail.digest.subject", Money.date(day, locale)), body.toString());
    }

    /** One notification: its line, its comment, and the link that opens the action (or the sheet) after login. */
    private String entry(UserNotification n, Locale locale) {
        String detail = texts.detail(n);
        String link = texts.link(n);
        return "<div style=\"margin:0 0 1em\"><p><strong>" + esc(texts.kind(n.kind(), locale)) + "</strong> · "
                + esc(texts.text(n, locale)) + "</p>"
                + (detail.isBlank() ? "" : "<blockquote>" + esc(detail) + "</blockquote>")
                + "<p><a href=\"" + esc(link) + "\">" + esc(texts.t(locale, n.actionId() != null
                ? "notifications.mail.open-action" : "notifications.mail.open-sheet")) + "</a><br>"
                // the address in words too: the plain-text part of the mail keeps only a link's text
                + "<small>" + esc(link) + "</small></p></div>";
    }

    private String footer(Locale locale) {
        return "<p style=\"color:#666\">" + esc(texts.t(locale, "notifications.mail.footer")) + "</p>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
