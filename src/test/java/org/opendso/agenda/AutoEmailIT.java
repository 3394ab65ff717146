package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.agenda.AgendaFixture.TODAY;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.mail.TestSmtp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

/**
 * The automatic sender of AUTO email actions, delivering through a real SMTP server (GreenMail): sent once on its
 * date, not when the account was paid or promised meanwhile, never twice however often or concurrently it runs.
 */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, EmailFixture.class, AgendaFixture.FixedClock.class})
class AutoEmailIT {

    static final GreenMail smtp = TestSmtp.started();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        TestSmtp.register(properties, smtp, "collections@demo.opendso.org", "200ms");
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @Autowired EmailActions emails;
    @Autowired Agenda agenda;
    @Autowired AgendaFixture fx;
    @Autowired EmailFixture mx;
    @Autowired TestTenants tenants;

    TestTenants.Other other;
    long scenario;

    @BeforeEach
    void tenant() {
        other = tenants.create("auto-" + System.nanoTime());
        scenario = mx.scenario(other.tenantId(), "Automatic", 5, "FIRST_REMINDER", "AUTO", "COLLECTION_CONTACT", null);
    }

    /** An account 20 days overdue on one invoice (returned second), its contact, and its AUTO email planned. */
    long[] account(String ref) {
        long c = fx.customer(other.tenantId(), ref, scenario, other.collector().userId());
        mx.language(c, "en");
        long item = fx.item(other.tenantId(), c, ref + "-1", TODAY.minusDays(20), "300.00");
        mx.contact(other.tenantId(), c, "Ann Payer", address(ref), true);
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo("PLANNED"));
        return new long[] {c, item, fx.waiting(c).getFirst().id()};
    }

    String address(String ref) {
        return ref.toLowerCase() + "-" + other.tenantId() + "@payer.example";
    }

    List<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void anAutomaticEmailDueIsSentOnceByTheSystemAndTheActionIsDone() throws Exception {
        long[] a = account("AUTO-1");
        emails.sendDue(TODAY).block();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received(address("AUTO-1"))).hasSize(1));
        MimeMessage m = received(address("AUTO-1")).getFirst();
        assertThat(m.getSubject()).isEqualTo("Payment reminder - account AUTO-1");
        assertThat(fx.actions(a[0])).filteredOn(r -> r.id() == a[2]).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo("DONE"));
        assertThat(mx.mailOf(a[2])).isEqualTo(mx.mails(a[0]).getFirst().id());
        assertThat(mx.actors(a[0], "ACTION_DONE")).containsExactly("Automatic email");
        assertThat(mx.actors(a[0], "MAIL_QUEUED")).containsExactly("Automatic email");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fx.events(a[0])).contains("MAIL_SENT"));

        // a second run, and two more at once, find the action done: nothing is sent again
        emails.sendDue(TODAY).block();
        Flux.merge(emails.sendDue(TODAY), emails.sendDue(TODAY)).blockLast();
        assertThat(mx.mails(a[0])).hasSize(1);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(received(address("AUTO-1"))).hasSize(1));
    }

    @Test
    void twoConcurrentRunsOnAFreshActionSendItOnce() {
        long[] a = account("AUTO-RACE");
        Flux.merge(emails.sendDue(TODAY), emails.sendDue(TODAY), emails.sendDue(TODAY)).blockLast();
        assertThat(mx.mails(a[0])).hasSize(1);
        assertThat(fx.events(a[0]).stream().filter("ACTION_DONE"::equals)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received(address("AUTO-RACE"))).hasSize(1));
    }

    @Test
    void aCrashAfterTheMailWasQueuedLeavesNoMailAndTheNextRunSendsItOnce() throws Exception {
        long[] a = account("AUTO-CRASH");
        try (AutoCloseable crash = mx.failWhenDone(a[0])) {
            emails.sendDue(TODAY).block();
        }
        assertThat(mx.mails(a[0])).isEmpty();
        assertThat(fx.waiting(a[0])).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(a[2]));
        assertThat(fx.events(a[0])).doesNotContain("MAIL_QUEUED", "ACTION_DONE");
        emails.sendDue(TODAY).block();
        assertThat(mx.mails(a[0])).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received(address("AUTO-CRASH"))).hasSize(1));
    }

    @Test
    void anAccountPaidMeanwhileIsNotWrittenToAndItsActionIsObsolete() {
        long[] a = account("AUTO-PAID");
        fx.pay(a[1]);
        emails.sendDue(TODAY).block();
        assertThat(mx.mails(a[0])).isEmpty();
        assertThat(fx.actions(a[0])).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("OBSOLETE"));
        assertThat(received(address("AUTO-PAID"))).isEmpty();
    }

    @Test
    void anAccountPromisedMeanwhileIsNotWrittenTo() {
        long[] a = account("AUTO-PROMISE");
        fx.status(other.tenantId(), a[1], "PROMISE_TO_PAY", TODAY.plusDays(7));
        emails.sendDue(TODAY).block();
        assertThat(mx.mails(a[0])).isEmpty();
        assertThat(fx.actions(a[0])).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("OBSOLETE"));
    }

    @Test
    void anActionNotDueYetOrNotAutomaticWaits() {
        scenario = mx.scenario(other.tenantId(), "Later", 30, "FIRST_REMINDER", "AUTO", "COLLECTION_CONTACT", null);
        long c = fx.customer(other.tenantId(), "AUTO-LATER", scenario, other.collector().userId());
        fx.item(other.tenantId(), c, "L-1", TODAY.minusDays(2), "10.00");
        mx.contact(other.tenantId(), c, "Ann", "later@payer.example", true);
        scenario = mx.scenario(other.tenantId(), "ByHand", 5, "FIRST_REMINDER", "MANUAL", "COLLECTION_CONTACT", null);
        long[] manual = account("AUTO-MANUAL");
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        emails.sendDue(TODAY).block();
        assertThat(mx.mails(c)).isEmpty();
        assertThat(mx.mails(manual[0])).isEmpty();
        assertThat(fx.waiting(c)).hasSize(1);
        // on its date it goes
        emails.sendDue(TODAY.plusDays(28)).block();
        assertThat(mx.mails(c)).hasSize(1);
    }

    @Test
    void anAccountWithoutAddressIsLeftInTheCollectorsAgenda() {
        long c = fx.customer(other.tenantId(), "AUTO-NOADDR", scenario, other.collector().userId());
        fx.item(other.tenantId(), c, "N-1", TODAY.minusDays(20), "10.00");
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        emails.sendDue(TODAY).block();
        assertThat(mx.mails(c)).isEmpty();
        assertThat(fx.waiting(c)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("PLANNED"));
    }
}
