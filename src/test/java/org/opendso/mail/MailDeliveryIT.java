package org.opendso.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.ConfirmationMails;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.QualificationResult;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.Statuses;
import org.opendso.tenant.Companies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Delivery through a real SMTP server (GreenMail): the confirmation mail of a qualification, retries, one claim. */
@IntegrationTest
@Import(TestTenants.class)
class MailDeliveryIT {

    static final GreenMail smtp = TestSmtp.started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        TestSmtp.register(properties, smtp, "collections@demo.opendso.org", "200ms");
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Autowired TestTenants tenants;
    @Autowired Customers customers;
    @Autowired OpenItems openItems;
    @Autowired Statuses statuses;
    @Autowired ConfirmationMails confirmationMails;
    @Autowired Qualifications qualifications;
    @Autowired Companies companies;
    @Autowired EventStreams streams;
    @Autowired MailLog mailLog;
    @Autowired DatabaseClient db;
    @Autowired TransactionalOperator tx;
    @Autowired EventLog events;
    @Autowired MailOutbox outbox;
    @Autowired Smtp smtpServer;
    @Autowired MailSettings settings;
    @Autowired MailDelivery delivery;

    @Test
    void theConfirmationMailOfAQualificationIsSentWithTheStatusTheCommentAndTheItems() throws Exception {
        Staff collector = tenants.demo("collector");
        Customer customer = customers.find(collector, "DEMO-002").block();
        List<OpenItem> items = openItems.ofCustomer(collector.tenantId(), customer.id(), ItemFilter.OPEN).take(2)
                .collectList().block();
        assertThat(items).isNotEmpty();
        ItemStatus status = statuses.byCode(collector.tenantId(), "REMINDER_SENT").block();
        String company = companies.settings(collector.tenantId()).block().name();
        String comment = "Will pay after the audit " + UUID.randomUUID();
        ConfirmationMails.Draft draft = confirmationMails.draft("en", company, customer.name(), status,
                LocalDate.now(), comment, items);

        QualificationResult result = qualifications.qualify(collector, customer.id(), new Qualification(
                items.stream().map(i -> new Qualification.ItemRef(i.type(), i.number(), i.version())).toList(),
                "REMINDER_SENT", null, comment,
                new Qualification.ConfirmationMail("accounts@atelier.example", "Jane Payer", draft.subject(), draft.bodyHtml()),
                null)).block();
        long mailId = result.mailId();

        MimeMessage received = await().atMost(Duration.ofSeconds(20))
                .until(() -> messagesWith(comment), list -> !list.isEmpty()).getFirst();
        String html = part(received, "text/html");
        String plain = part(received, "text/plain");
        assertThat(received.getSubject()).isEqualTo(draft.subject());
        assertThat(html).contains(status.labelEn()).contains(comment);
        items.forEach(i -> assertThat(html).contains(i.number()));
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("collections@demo.opendso.org");
        assertThat(from.getPersonal()).isEqualTo(company);
        InternetAddress to = (InternetAddress) received.getAllRecipients()[0];
        assertThat(to.getAddress()).isEqualTo("accounts@atelier.example");
        assertThat(to.getPersonal()).isEqualTo("Jane Payer");
        assertThat(received.getHeader("X-OpenDSO-Mail-Id")).containsExactly(String.valueOf(mailId));
        assertThat(plain).contains(comment).doesNotContain("<td>");
        items.forEach(i -> assertThat(plain).contains(i.number()));

        await().atMost(Duration.ofSeconds(10)).until(() -> MailRows.row(db, mailId).state() == MailState.SENT);
        MailRows.Row row = MailRows.row(db, mailId);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        List<AccountEvent> sent = streams.history(collector.tenantId(), customer.id(),
                new HistoryFilter(EventType.MAIL_SENT, null, null), 50).collectList().block();
        assertThat(sent).anySatisfy(e -> {
            assertThat(e.payload()).containsPattern("\"mailId\":\\s*" + mailId + "\\b")
                    .contains("accounts@atelier.example").contains(draft.subject());
            assertThat(e.actorName()).isEqualTo("Mail");
            assertThat(e.actorId()).isNull();
        });
        assertThat(mailLog.find(collector, mailId).block().mail().state()).isEqualTo(MailState.SENT);
    }

    @Test
    void senderRacingOnTheSameMailsSendEachOnce() {
        String batch = UUID.randomUUID().toString();
        List<String> subjects = IntStream.range(0, 12).mapToObj(i -> "Race " + batch + " #" + i).toList();
        subjects.forEach(s -> MailRows.insert(db, null, "race@example.org", s, MailState.PENDING, 0));
        MailDelivery other = new MailDelivery(db, tx, events, outbox, smtpServer, settings);
        MailDelivery third = new MailDelivery(db, tx, events, outbox, smtpServer, settings);

        // three senders on one database (with the application's own, four): each claims what the others have not
        Flux.merge(other.deliverDue().subscribeOn(Schedulers.parallel()),
                        third.deliverDue().subscribeOn(Schedulers.parallel()),
                        delivery.deliverDue().subscribeOn(Schedulers.parallel()))
                .blockLast(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesWith(batch).size() >= subjects.size());
        // and nothing arrives twice, even a while later
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> messagesWith(batch).size() == subjects.size());
        assertThat(messagesWith(batch)).extracting(MailDeliveryIT::subject)
                .containsExactlyInAnyOrderElementsOf(subjects);
        // one attempt each: no sender wrote an outcome for a mail another had claimed
        await().atMost(Duration.ofSeconds(10)).until(() -> db.sql(
                        "select count(*) as n from mail_outbox where subject like :s and state = 'SENT' and attempts = 1")
                .bind("s", "Race " + batch + "%").map((r, m) -> r.get("n", Long.class)).one().block() == subjects.size());
    }

    @Test
    void anAdminSendsAFailedMailAgainAndTheAccountLogSaysSo() {
        Staff admin = tenants.demo("admin");
        long customer = MailRows.customerId(db, 1, "DEMO-004");
        String subject = "Failed before " + UUID.randomUUID();
        long id = MailRows.insert(db, customer, "late@example.org", subject, MailState.FAILED, 5);
        long head = streams.head(1, customer).block();

        LoggedMail queued = mailLog.retry(admin, id).block();
        assertThat(queued.state()).isIn(MailState.PENDING, MailState.SENT);

        await().atMost(Duration.ofSeconds(20)).until(() -> !messagesWith(subject).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> MailRows.row(db, id).state() == MailState.SENT);
        assertThat(MailRows.row(db, id).attempts()).isEqualTo(1);
        List<AccountEvent> log = streams.account(1, customer, head).take(2).collectList().block(Duration.ofSeconds(10));
        assertThat(log).extracting(AccountEvent::type).containsExactly(EventType.MAIL_QUEUED, EventType.MAIL_SENT);
        assertThat(log.getFirst().payload()).containsPattern("\"retry\":\\s*true");
        assertThat(log.getFirst().actorId()).isEqualTo(admin.userId());

        // a sent mail is not sent again, a collector sends nothing again, another company's admin finds nothing
        assertThatThrownBy(() -> mailLog.retry(admin, id).block()).hasMessageContaining("only a failed or kept mail");
        long failed = MailRows.insert(db, customer, "late@example.org", subject + " 2", MailState.FAILED, 5);
        assertThatThrownBy(() -> mailLog.retry(tenants.demo("collector"), failed).block())
                .isInstanceOf(AccessDeniedException.class);
        TestTenants.Other other = tenants.create("mretry");
        assertThatThrownBy(() -> mailLog.retry(other.admin(), failed).block()).hasMessageContaining("No mail " + failed);
        assertThat(MailRows.row(db, failed).state()).isEqualTo(MailState.FAILED);
    }

    @Test
    void theSenderIsWokenWhenAMailIsCommittedAndNotWhenItsActionRollsBack() {
        long customer = MailRows.customerId(db, 1, "DEMO-008");
        List<Long> woken = new CopyOnWriteArrayList<>();
        Disposable listening = outbox.committed().subscribe(woken::add);
        try {
            outbox.queue(Actor.system("Test"), 1, customer, new OutgoingMail("x@example.org", null, "Rolled back", "<p>x</p>"))
                    .then(Mono.error(new IllegalStateException("the action failed")))
                    .as(tx::transactional)
                    .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                    .block();
            long id = outbox.queue(Actor.system("Test"), 1, customer,
                    new OutgoingMail("x@example.org", null, "Committed " + UUID.randomUUID(), "<p>x</p>"))
                    .as(tx::transactional).block();
            assertThat(woken).containsExactly(id);
        } finally {
            listening.dispose();
        }
    }

    private static List<MimeMessage> messagesWith(String text) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).contains(text) || texts(m).values().stream().anyMatch(t -> t.contains(text)))
                .toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage m, String type) {
        return texts(m).getOrDefault(type, "");
    }

    /** The decoded text parts of a message by content type, wherever they sit in the multipart tree. */
    private static Map<String, String> texts(Part part) {
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    texts.putAll(texts(multipart.getBodyPart(i)));
                }
            } else if (part.getContent() instanceof String text) {
                texts.put(part.getContentType().split(";")[0].strip().toLowerCase(), text);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }
}
