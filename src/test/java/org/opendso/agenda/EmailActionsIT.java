package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.template.HashtagProblem;
import org.opendso.user.NewStaffUser;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/** Drafting and sending an email action from the agenda, on the real database, as of {@link AgendaFixture#TODAY}. */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, EmailFixture.class, AgendaFixture.FixedClock.class})
class EmailActionsIT {

    @Autowired EmailActions emails;
    @Autowired Agenda agenda;
    @Autowired AgendaFixture fx;
    @Autowired EmailFixture mx;
    @Autowired TestTenants tenants;
    @Autowired Users users;

    TestTenants.Other other;
    long scenario;

    @BeforeEach
    void tenant() {
        other = tenants.create("em-" + System.nanoTime());
        scenario = mx.scenario(other.tenantId(), "Emails", 5, "FIRST_REMINDER", "MANUAL", "COLLECTION_CONTACT", null);
    }

    /** An account with one invoice 20 days overdue, its collection contact, and its waiting email action. */
    long[] account(String ref, String language) {
        long c = fx.customer(other.tenantId(), ref, scenario, other.collector().userId());
        mx.language(c, language);
        fx.item(other.tenantId(), c, ref + "-INV-7", TODAY.minusDays(20), "1250.00");
        mx.contact(other.tenantId(), c, "Jeanne Martin", ref.toLowerCase() + "@client.example", true);
        mx.contact(other.tenantId(), c, "Paul Other", "paul-" + ref.toLowerCase() + "@client.example", false);
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        return new long[] {c, fx.waiting(c).getFirst().id()};
    }

    @Test
    void theDraftIsTheStepsTemplateInTheAccountsLanguageRenderedWithItsItemsForItsCollectionContact() {
        long[] fr = account("EM-FR", "fr");
        long version = fx.waiting(fr[0]).getFirst().version();
        emails.draft(other.collector(), fr[1]).as(StepVerifier::create).assertNext(d -> {
            assertThat(d.to()).extracting(EmailAddress::email).containsExactly("em-fr@client.example");
            assertThat(d.to().getFirst().name()).isEqualTo("Jeanne Martin");
            assertThat(d.recipient()).isEqualTo("COLLECTION_CONTACT");
            assertThat(d.templateCode()).isEqualTo("FIRST_REMINDER");
            assertThat(d.language()).isEqualTo("fr");
            assertThat(d.subject()).isEqualTo("Rappel de paiement - compte #CustomerAccount");
            assertThat(d.body()).contains("Bonjour #ContactName", "#OverdueItemsTable");
            assertThat(d.preview().subject()).isEqualTo("Rappel de paiement - compte EM-FR");
            assertThat(d.preview().body()).contains("Bonjour Jeanne Martin", "<table", "EM-FR-INV-7")
                    .doesNotContain("#OverdueItemsTable");
            assertThat(d.action().version()).isEqualTo(version);
        }).verifyComplete();

        long[] en = account("EM-EN", "en");
        emails.draft(other.collector(), en[1]).as(StepVerifier::create).assertNext(d -> {
            assertThat(d.language()).isEqualTo("en");
            assertThat(d.preview().subject()).isEqualTo("Payment reminder - account EM-EN");
            assertThat(d.preview().body()).contains("Dear Jeanne Martin", "EM-EN-INV-7");
        }).verifyComplete();
    }

    @Test
    void sendingQueuesOneMailAndCompletesTheActionWithItInOneGo() {
        long[] a = account("EM-SEND", "en");
        long version = fx.waiting(a[0]).getFirst().version();
        emails.send(other.collector(), a[1], version, null, null, "<p>Hello #ContactName, you owe #OverdueAmount.</p>")
                .as(StepVerifier::create).assertNext(sent -> {
                    assertThat(sent.action().state()).isEqualTo("DONE");
                    assertThat(sent.action().outcome()).isEqualTo("Email sent to em-send@client.example");
                    assertThat(sent.mailIds()).hasSize(1);
                }).verifyComplete();
        assertThat(mx.mails(a[0])).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("em-send@client.example");
            assertThat(m.subject()).isEqualTo("Payment reminder - account EM-SEND");
            assertThat(m.body()).startsWith("<p>Hello Jeanne Martin, you owe ").doesNotContain("#");
            assertThat(mx.mailOf(a[1])).isEqualTo(m.id());
        });
        assertThat(fx.actions(a[0])).filteredOn(r -> r.id() == a[1]).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo("DONE"));
        assertThat(fx.events(a[0])).containsSubsequence("ACTION_PLANNED", "MAIL_QUEUED", "ACTION_DONE");
        assertThat(fx.lastPayload(a[0])).contains("\"mailId\"");
        assertThat(mx.actors(a[0], "ACTION_DONE")).containsExactly(other.collector().name());
    }

    @Test
    void aWrittenRecipientListSendsOneMailEachAndABadAddressNamesTheField() {
        long[] a = account("EM-TO", "en");
        emails.send(other.collector(), a[1], null, List.of("x y@z"), null, null).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidAction.class)
                        .satisfies(i -> assertThat(((InvalidAction) i).field()).isEqualTo("to")))
                .verify();
        emails.send(other.collector(), a[1], null, List.of("one@client.example", " two@client.example "), null, null)
                .as(StepVerifier::create).assertNext(sent -> assertThat(sent.mailIds()).hasSize(2)).verifyComplete();
        assertThat(mx.mails(a[0])).extracting(EmailFixture.Mail::recipient)
                .containsExactly("one@client.example", "two@client.example");
    }

    @Test
    void aFailureCompletingTheActionTakesTheQueuedMailBackWithIt() throws Exception {
        long[] a = account("EM-ATOM", "en");
        List<String> before = fx.events(a[0]);
        try (AutoCloseable crash = mx.failWhenDone(a[0])) {
            emails.send(other.collector(), a[1], null, null, null, null).as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("simulated crash")).verify();
        }
        assertThat(mx.mails(a[0])).isEmpty();
        assertThat(fx.events(a[0])).isEqualTo(before);
        assertThat(fx.waiting(a[0])).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("PLANNED"));
    }

    @Test
    void aStaleVersionIsAConflictAndSendsNothing() {
        long[] a = account("EM-STALE", "en");
        long version = fx.waiting(a[0]).getFirst().version();
        agenda.reschedule(other.collector(), a[1], version, TODAY.plusDays(1)).block();
        emails.send(other.collector(), a[1], version, null, null, null).as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ActionChanged.class);
                    assertThat(((ActionChanged) e).current().version()).isEqualTo(version + 1);
                })
                .verify();
        assertThat(mx.mails(a[0])).isEmpty();
        assertThat(fx.waiting(a[0])).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(a[1]));
    }

    @Test
    void anUnknownHashtagIsReportedWithItsPositionAndNothingIsSaved() {
        long[] a = account("EM-TAG", "en");
        List<String> before = fx.events(a[0]);
        emails.send(other.collector(), a[1], null, null, "Reminder", "<p>Dear customer,</p>\n<p>You owe #OverdueAmont.</p>")
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(HashtagProblem.class);
                    HashtagProblem p = (HashtagProblem) e;
                    assertThat(p.hashtag()).isEqualTo("#OverdueAmont");
                    assertThat(p.field()).isEqualTo("body");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(12);
                    assertThat(p.suggestion()).isEqualTo("#OverdueAmount");
                })
                .verify();
        assertThat(mx.mails(a[0])).isEmpty();
        assertThat(fx.waiting(a[0])).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("PLANNED"));
        assertThat(fx.events(a[0])).isEqualTo(before);
    }

    @Test
    void anotherTenantOrAnAccountTheCallerDoesNotSeeIsUnknown() {
        long[] a = account("EM-SEE", "en");
        TestTenants.Other third = tenants.create("em3-" + System.nanoTime());
        emails.draft(third.admin(), a[1]).as(StepVerifier::create).expectError(UnknownAction.class).verify();
        emails.send(third.admin(), a[1], null, null, null, null).as(StepVerifier::create)
                .expectError(UnknownAction.class).verify();
        long otherCollector = users.bootstrap(other.tenantId(), new NewStaffUser("c2-" + other.tenantId(), "Second",
                "", Role.COLLECTOR, "en", TestTenants.PASSWORD)).block();
        Staff unassigned = new Staff(other.tenantId(), otherCollector, "c2-" + other.tenantId(), "Second",
                Role.COLLECTOR, "en");
        emails.send(unassigned, a[1], null, null, null, null).as(StepVerifier::create)
                .expectError(UnknownAction.class).verify();
        assertThat(mx.mails(a[0])).isEmpty();
        // the company's administrator sees every account
        emails.draft(other.admin(), a[1]).as(StepVerifier::create)
                .assertNext(d -> assertThat(d.action().id()).isEqualTo(a[1])).verifyComplete();
    }

    @Test
    void anAccountWithoutAnyAddressIsToldWhichFieldToFill() {
        long c = fx.customer(other.tenantId(), "EM-NONE", scenario, other.collector().userId());
        fx.item(other.tenantId(), c, "N-1", TODAY.minusDays(20), "10.00");
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        long id = fx.waiting(c).getFirst().id();
        emails.draft(other.collector(), id).as(StepVerifier::create)
                .assertNext(d -> assertThat(d.to()).isEmpty()).verifyComplete();
        emails.send(other.collector(), id, null, null, null, null).as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(InvalidAction.class).hasMessageContaining("EM-NONE has no email address")
                            .hasMessageContaining("contact email").hasMessageContaining("customer email");
                    assertThat(((InvalidAction) e).field()).isEqualTo("to");
                })
                .verify();
        assertThat(mx.mails(c)).isEmpty();
        // the account's own address stands in for a missing contact
        mx.customerEmail(c, "accounts@none.example");
        emails.send(other.collector(), id, null, null, null, null).as(StepVerifier::create)
                .assertNext(s -> assertThat(s.action().state()).isEqualTo("DONE")).verifyComplete();
        assertThat(mx.mails(c)).extracting(EmailFixture.Mail::recipient).containsExactly("accounts@none.example");
    }

    @Test
    void allContactsAndAnInternalUserAreTheStepsOtherRecipients() {
        scenario = mx.scenario(other.tenantId(), "All", 5, "SECOND_REMINDER", "MANUAL", "ALL_CONTACTS", null);
        long[] all = account("EM-ALL", "en");
        emails.draft(other.collector(), all[1]).as(StepVerifier::create).assertNext(d ->
                assertThat(d.to()).extracting(EmailAddress::email)
                        .containsExactly("em-all@client.example", "paul-em-all@client.example")).verifyComplete();

        mx.userEmail(other.admin().userId(), "boss@company.example");
        scenario = mx.scenario(other.tenantId(), "Inside", 5, "FIRST_REMINDER", "MANUAL", "INTERNAL_USER",
                other.admin().userId());
        long[] inside = account("EM-IN", "en");
        emails.draft(other.collector(), inside[1]).as(StepVerifier::create).assertNext(d ->
                assertThat(d.to()).extracting(EmailAddress::email).containsExactly("boss@company.example"))
                .verifyComplete();
    }

    @Test
    void onlyEmailActionsAreSentFromTheComposer() {
        long call = fx.scenario(other.tenantId(), "Calls", 5, "CALL");
        long c = fx.customer(other.tenantId(), "EM-CALL", call, other.collector().userId());
        fx.item(other.tenantId(), c, "C-1", TODAY.minusDays(20), "10.00");
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        long id = fx.waiting(c).getFirst().id();
        emails.send(other.collector(), id, null, List.of("a@b.example"), "S", "B").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(((InvalidAction) e).field()).isEqualTo("kind")).verify();
        assertThat(mx.mails(c)).isEmpty();
    }
}
