package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.portal.PortalLink;
import org.opendso.portal.PortalLinks;
import org.opendso.template.HashtagProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/**
 * An email whose text has #PortalLink: sending it creates one portal link per recipient, for the contact it goes to,
 * in the same transaction as the mail; a send that fails creates none.
 */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, EmailFixture.class, AgendaFixture.FixedClock.class})
class PortalLinkEmailIT {

    @Autowired EmailActions emails;
    @Autowired Agenda agenda;
    @Autowired AgendaFixture fx;
    @Autowired EmailFixture mx;
    @Autowired TestTenants tenants;
    @Autowired PortalLinks links;

    TestTenants.Other other;
    long customer;
    long action;

    @BeforeEach
    void account() {
        other = tenants.create("pl-" + System.nanoTime());
        long scenario = mx.scenario(other.tenantId(), "Emails", 5, "FIRST_REMINDER", "MANUAL", "ALL_CONTACTS", null);
        customer = fx.customer(other.tenantId(), "PL-1", scenario, other.collector().userId());
        mx.language(customer, "en");
        fx.item(other.tenantId(), customer, "PL-INV-1", TODAY.minusDays(20), "500.00");
        mx.contact(other.tenantId(), customer, "Jeanne Martin", "jeanne@client.example", true);
        mx.contact(other.tenantId(), customer, "Paul Other", "paul@client.example", false);
        agenda.generate(other.tenantId(), List.of(customer), TODAY).block();
        action = fx.waiting(customer).getFirst().id();
    }

    @Test
    void eachRecipientGetsALinkOfTheirOwnCreatedWithTheMail() {
        emails.send(other.collector(), action, null, null, "Your account #CustomerAccount",
                        "<p>Dear #ContactName, reply online: #PortalLink</p>")
                .as(StepVerifier::create).assertNext(sent -> assertThat(sent.mailIds()).hasSize(2)).verifyComplete();
        List<PortalLink> made = links.of(other.collector(), customer).collectList().block();
        assertThat(made).extracting(PortalLink::contactName).containsExactlyInAnyOrder("Jeanne Martin", "Paul Other");
        assertThat(made).allSatisfy(l -> assertThat(l.contactId()).isNotNull());
        List<EmailFixture.Mail> mails = mx.mails(customer);
        assertThat(mails).hasSize(2);
        assertThat(mails).allSatisfy(m -> assertThat(m.body()).containsPattern(
                "<a href=\"http://localhost:8080/portal/[A-Za-z0-9_-]{43}\">http://localhost:8080/portal/")
                .doesNotContain("#PortalLink", "created when the email is sent"));
        String first = mails.get(0).body().replaceAll("(?s).*portal/([A-Za-z0-9_-]{43}).*", "$1");
        String second = mails.get(1).body().replaceAll("(?s).*portal/([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(first).isNotEqualTo(second);
        // each token opens the account for its own recipient
        assertThat(links.open(first, "mail-test").block().contactName()).isIn("Jeanne Martin", "Paul Other");
        assertThat(links.open(first, "mail-test").block().contactName())
                .isNotEqualTo(links.open(second, "mail-test").block().contactName());
        assertThat(fx.events(customer)).containsSubsequence("PORTAL_LINK_CREATED", "MAIL_QUEUED", "PORTAL_LINK_CREATED",
                "MAIL_QUEUED", "ACTION_DONE");
    }

    @Test
    void aSendThatFailsLeavesNoLink() {
        emails.send(other.collector(), action, null, null, "Hi", "<p>#PortalLink #Balanse</p>")
                .as(StepVerifier::create).verifyError(HashtagProblem.class);
        assertThat(links.of(other.collector(), customer).collectList().block()).isEmpty();
        assertThat(mx.mails(customer)).isEmpty();
    }
}
