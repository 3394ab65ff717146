package org.opendso.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The mail log without an SMTP server (the test default): mails are kept; who sees which mail. */
@IntegrationTest
@Import(TestTenants.class)
class MailLogIT {

    @Autowired MailLog mailLog;
    @Autowired MailOutbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;
    @Autowired EventStreams streams;
    @Autowired TestTenants tenants;

    private long queue(Staff by, String account, String subject) {
        long customer = MailRows.customerId(db, by.tenantId(), account);
        return outbox.queue(Actor.of(by), by.tenantId(), customer,
                        new OutgoingMail("payer@example.org", "Pat Payer", subject, "<p>About " + subject + "</p>"))
                .as(tx::transactional).block();
    }

    @Test
    void withoutSmtpAMailIsKeptAtOnceAndItsQueueingIsInTheAccountLog() {
        Staff collector = tenants.demo("collector");
        String subject = "Kept " + UUID.randomUUID();
        long id = queue(collector, "DEMO-001", subject);

        assertThat(mailLog.sending()).isFalse();
        mailLog.find(collector, id).as(StepVerifier::create).assertNext(content -> {
            LoggedMail mail = content.mail();
            assertThat(mail.state()).isEqualTo(MailState.KEPT);
            assertThat(mail.attempts()).isZero();
            assertThat(mail.account()).isEqualTo("DEMO-001");
            assertThat(mail.customerName()).isEqualTo("Atelier Martin");
            assertThat(mail.recipientLine()).isEqualTo("Pat Payer <payer@example.org>");
            assertThat(mail.createdBy()).isEqualTo(collector.name());
            assertThat(mail.canRetry()).isTrue();
            assertThat(content.bodyHtml()).isEqualTo("<p>About " + subject + "</p>");
        }).verifyComplete();
        long customer = MailRows.customerId(db, 1, "DEMO-001");
        streams.history(1, customer, new HistoryFilter(EventType.MAIL_QUEUED, null, null), 20)
                .filter(e -> e.payload().contains(subject))
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();
    }

    @Test
    void aMailLeftPendingIsKeptByTheSenderWithoutSmtp() {
        String subject = "Left pending " + UUID.randomUUID();
        long id = MailRows.insert(db, null, "someone@example.org", subject, MailState.PENDING, 0);
        // the sender polls every 5 s by default
        await().atMost(Duration.ofSeconds(20)).until(() -> MailRows.row(db, id).state() == MailState.KEPT);
        assertThat(MailRows.row(db, id).attempts()).isZero();
    }

    @Test
    void aMailOfARolledBackActionDoesNotExist() {
        String subject = "Rolled back " + UUID.randomUUID();
        long customer = MailRows.customerId(db, 1, "DEMO-001");
        outbox.queue(Actor.system("Test"), 1, customer, new OutgoingMail("x@example.org", null, subject, "<p>x</p>"))
                .then(Mono.error(new IllegalStateException("the action failed")))
                .as(tx::transactional)
                .as(StepVerifier::create).verifyErrorMessage("the action failed");
        db.sql("select count(*) as n from mail_outbox where subject = :s").bind("s", subject)
                .map((r, m) -> r.get("n", Long.class)).one()
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
    }

    @Test
    void collectorsAndSalesManagersSeeTheMailsOfTheirCustomersAndTheirOwn() {
        Staff admin = tenants.demo("admin");
        Staff collector = tenants.demo("collector");
        Staff sales = tenants.demo("sales");
        String tag = UUID.randomUUID().toString();
        long ofDemo001 = queue(admin, "DEMO-001", "Visible to both " + tag);   // collector and sales (odd)
        long ofDemo005 = queue(admin, "DEMO-005", "Hidden from collector " + tag); // not the collector's; odd: sales
        long ofDemo002 = queue(admin, "DEMO-002", "Hidden from sales " + tag);  // even: not the sales manager's
        long noCustomer = db.sql("""
                        insert into mail_outbox (tenant_id, recipient, subject, body_html, state, created_by)
                        values (1, 'colleague@example.org', :s, '<p>x</p>', 'KEPT', :u) returning id""")
                .bind("s", "Own mail " + tag).bind("u", collector.userId())
                .map((r, m) -> r.get("id", Long.class)).one().block();

        assertThat(idsSeenBy(admin, tag)).containsExactlyInAnyOrder(ofDemo001, ofDemo005, ofDemo002, noCustomer);
        assertThat(idsSeenBy(collector, tag)).containsExactlyInAnyOrder(ofDemo001, ofDemo002, noCustomer);
        assertThat(idsSeenBy(sales, tag)).containsExactlyInAnyOrder(ofDemo001, ofDemo005);
        mailLog.find(collector, ofDemo005).as(StepVerifier::create).verifyComplete();
        mailLog.find(sales, noCustomer).as(StepVerifier::create).verifyComplete();
        mailLog.find(collector, noCustomer).as(StepVerifier::create).expectNextCount(1).verifyComplete();
        assertThat(mailLog.count(collector, null).block()).isLessThan(mailLog.count(admin, null).block());
    }

    @Test
    void anotherCompanySeesNoneOfTheseMails() {
        Staff admin = tenants.demo("admin");
        long id = queue(admin, "DEMO-001", "Demo only " + UUID.randomUUID());
        TestTenants.Other other = tenants.create("mlog");
        long theirs = queue(other.admin(), "DEMO-001", "Theirs " + UUID.randomUUID());

        mailLog.find(other.admin(), id).as(StepVerifier::create).verifyComplete();
        assertThat(mailLog.list(other.admin(), null, 0, 500).map(LoggedMail::id).collectList().block())
                .containsExactly(theirs);
        assertThat(mailLog.list(admin, null, 0, 500).map(LoggedMail::id).collectList().block())
                .contains(id).doesNotContain(theirs);
        // the account reference DEMO-001 exists in both companies: the join stays in the mail's own
        assertThat(mailLog.find(other.admin(), theirs).block().mail().customerName()).startsWith("Secret Customer");
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByState() {
        Staff admin = tenants.demo("admin");
        String tag = UUID.randomUUID().toString();
        long older = queue(admin, "DEMO-003", "Older " + tag);
        long newer = queue(admin, "DEMO-003", "Newer " + tag);
        long failed = MailRows.insert(db, null, "f@example.org", "Failed " + tag, MailState.FAILED, 5);

        assertThat(mailLog.list(admin, null, 0, 3).map(LoggedMail::id).collectList().block())
                .containsExactly(failed, newer, older);
        assertThat(mailLog.list(admin, null, 1, 2).map(LoggedMail::id).collectList().block()).first().isEqualTo(older);
        assertThat(mailLog.list(admin, MailState.FAILED, 0, 500).collectList().block())
                .allMatch(m -> m.state() == MailState.FAILED).extracting(LoggedMail::id).contains(failed)
                .doesNotContain(newer);
        assertThat(mailLog.count(admin, MailState.KEPT).block() + mailLog.count(admin, MailState.FAILED).block()
                + mailLog.count(admin, MailState.SENT).block() + mailLog.count(admin, MailState.PENDING).block())
                .isEqualTo(mailLog.count(admin, null).block());
        mailLog.list(admin, null, -1, 10).as(StepVerifier::create).verifyError(IllegalArgumentException.class);
    }

    @Test
    void nothingIsSentAgainWithoutSmtpAndOnlyAnAdminMayAsk() {
        Staff admin = tenants.demo("admin");
        long id = queue(admin, "DEMO-001", "Not again " + UUID.randomUUID());
        assertThatThrownBy(() -> mailLog.retry(admin, id).block())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No mail server is configured");
        assertThatThrownBy(() -> mailLog.retry(tenants.demo("collector"), id).block())
                .isInstanceOf(AccessDeniedException.class);
        assertThat(MailRows.row(db, id).state()).isEqualTo(MailState.KEPT);
    }

    private java.util.List<Long> idsSeenBy(Staff staff, String tag) {
        return mailLog.list(staff, null, 0, 1000)
                .filter(m -> m.subject().endsWith(tag))
                .map(LoggedMail::id).collectList().block();
    }
}
