package org.opendso.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.portal.PortalFixture.token;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/**
 * The portal's rules on the real database: tokens (hashed, expiring, revocable, rate-limited), the customer's page
 * (only their account, no internal words), submissions (only their items, length-limited, escaped in the mail) and
 * the collector's decisions (a qualification with the customer as source, once).
 */
@IntegrationTest
@Import({TestTenants.class, PortalFixture.class})
class PortalIT {

    @Autowired PortalLinks links;
    @Autowired Portal portal;
    @Autowired Submissions submissions;
    @Autowired Documents documents;
    @Autowired TestTenants tenants;
    @Autowired PortalFixture fx;

    TestTenants.Other t;
    long customer;
    long inv1;
    long inv2;
    String client;

    @BeforeEach
    void account() {
        t = tenants.create("pt-" + System.nanoTime());
        customer = fx.account(t, "PT-1");
        inv1 = fx.invoice(t.tenantId(), customer, "PT-INV-1", LocalDate.now().minusDays(20), "1200.00");
        inv2 = fx.invoice(t.tenantId(), customer, "PT-INV-2", LocalDate.now().plusDays(10), "300.00");
        client = "10.0." + (System.nanoTime() % 250) + "." + (System.nanoTime() % 199);
    }

    IssuedPortalLink link() {
        return links.create(t.collector(), customer, fx.contact(customer)).block();
    }

    @Test
    void aLinkKeepsOnlyTheHashOfItsRandomTokenAndOpensItsAccountForItsContact() throws Exception {
        IssuedPortalLink issued = link();
        String token = token(issued);
        assertThat(issued.url()).isEqualTo("http://localhost:8080/portal/" + token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(fx.storedHash(issued.link().id()))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        assertThat(issued.link().contactName()).isEqualTo("Zoe Payer");
        assertThat(issued.link().expiresAt()).isBetween(java.time.Instant.now().plusSeconds(29 * 86400),
                java.time.Instant.now().plusSeconds(31 * 86400));
        links.open(token, client).as(StepVerifier::create).assertNext(a -> {
            assertThat(a.tenantId()).isEqualTo(t.tenantId());
            assertThat(a.customerId()).isEqualTo(customer);
            assertThat(a.contactName()).isEqualTo("Zoe Payer");
        }).verifyComplete();
        assertThat(fx.payload(customer, "PORTAL_LINK_CREATED")).contains("\"contact\": \"Zoe Payer\"", "\"expiresOn\"");
        assertThat(links.of(t.collector(), customer).collectList().block()).singleElement()
                .satisfies(l -> assertThat(l.lastUsedAt()).isNotNull());
    }

    @Test
    void forgedExpiredAndRevokedTokensOpenNothing() {
        expectInvalid("A".repeat(43), InvalidPortalLink.Reason.UNKNOWN);
        expectInvalid("not a token", InvalidPortalLink.Reason.MALFORMED);
        expectInvalid("", InvalidPortalLink.Reason.MALFORMED);
        IssuedPortalLink expired = link();
        fx.expire(expired.link().id());
        expectInvalid(token(expired), InvalidPortalLink.Reason.EXPIRED);
        IssuedPortalLink revoked = link();
        links.revoke(t.collector(), customer, revoked.link().id()).as(StepVerifier::create)
                .assertNext(l -> assertThat(l.revokedBy()).isEqualTo(t.collector().name())).verifyComplete();
        expectInvalid(token(revoked), InvalidPortalLink.Reason.REVOKED);
        // every read of the page and every submission re-checks the token
        portal.page(token(revoked), client).as(StepVerifier::create).verifyError(InvalidPortalLink.class);
        portal.submit(token(revoked), client, new NewSubmission(SubmissionKind.COMMENT, List.of(inv1), null, "hi"))
                .as(StepVerifier::create).verifyError(InvalidPortalLink.class);
        assertThat(fx.events(customer)).contains("PORTAL_LINK_REVOKED").doesNotContain("CUSTOMER_COMMENT_RECEIVED");
    }

    @Test
    void twentyFailuresFromOneAddressBlockItEvenWithAGoodToken() {
        String good = token(link());
        for (int i = 0; i < PortalAttempts.LIMIT; i++) {
            expectInvalid(PortalToken.generate(), InvalidPortalLink.Reason.UNKNOWN);
        }
        links.open(good, client).as(StepVerifier::create).verifyError(TooManyAttempts.class);
        links.open(good, client + "-other").as(StepVerifier::create).expectNextCount(1).verifyComplete();
    }

    @Test
    void thePageShowsTheStatementInCustomerWordsAndNothingInternal() {
        String token = token(link());
        fx.internal(t.tenantId(), inv1, fx.statusCode(t.tenantId(), "PROMISE_TO_PAY"), "INTERNAL: customer is broke",
                t.admin().userId());
        PortalPage page = portal.page(token, client).block();
        assertThat(page.customerName()).isEqualTo("Customer PT-1");
        assertThat(page.collectorName()).isEqualTo(t.collector().name());
        assertThat(page.items()).extracting(PortalItem::number).containsExactly("PT-INV-1", "PT-INV-2");
        assertThat(page.items().getFirst().status()).isEqualTo(CustomerStatus.PAYMENT_PROMISED);
        assertThat(page.items().getFirst().statusDate()).isEqualTo(LocalDate.now().plusDays(7));
        assertThat(page.items().get(1).status()).isEqualTo(CustomerStatus.DUE);
        assertThat(page.toString()).doesNotContain("INTERNAL", "broke", t.admin().name(), "Secret Customer");
    }

    @Test
    void aSubmissionIsRecordedPushedAndMailedToTheCollectorWithItsTextEscaped() {
        String token = token(link());
        String html = "<script>alert('x')</script> & <b>bold</b>";
        PortalMessage sent = portal.submit(token, client,
                new NewSubmission(SubmissionKind.COMMENT, List.of(inv1), null, html)).block();
        assertThat(sent.state()).isEqualTo(SubmissionState.PENDING);
        assertThat(sent.items()).containsExactly("PT-INV-1");
        assertThat(fx.events(customer)).containsSubsequence("CUSTOMER_COMMENT_RECEIVED", "MAIL_QUEUED");
        assertThat(fx.payload(customer, "CUSTOMER_COMMENT_RECEIVED")).contains("\"kind\": \"COMMENT\"",
                "\"number\": \"PT-INV-1\"", "\"submissionId\": " + sent.id());
        assertThat(fx.mails(customer)).singleElement().satisfies(m -> {
            assertThat(m[0]).isEqualTo(t.collector().login() + "@company.example");
            assertThat(m[2]).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                    .doesNotContain("<script>", "<b>");
        });
        assertThat(portal.page(token, client).block().messages()).singleElement()
                .satisfies(m -> assertThat(m.comment()).isEqualTo(html));
    }

    @Test
    void aCustomerCannotSubmitOnItemsOfAnotherAccountOrTenantNorOversizedOrPastPromises() {
        String token = token(link());
        long otherAccount = fx.account(t, "PT-2");
        long foreign = fx.invoice(t.tenantId(), otherAccount, "PT2-INV", LocalDate.now(), "50.00");
        TestTenants.Other stranger = tenants.create("ps-" + System.nanoTime());
        long strangerItem = fx.invoice(stranger.tenantId(), stranger.customerId(), "S-INV", LocalDate.now(), "50.00");
        for (long item : new long[] {foreign, strangerItem}) {
            expectRefused(token, new NewSubmission(SubmissionKind.COMMENT, List.of(inv1, item), null, "x"), "items");
        }
        expectRefused(token, new NewSubmission(SubmissionKind.COMMENT, List.of(inv1), null, "x".repeat(2001)), "comment");
        expectRefused(token, new NewSubmission(SubmissionKind.DISPUTE, List.of(inv1), null, "  "), "comment");
        expectRefused(token, new NewSubmission(SubmissionKind.PROMISE, List.of(inv1), LocalDate.now().minusDays(1), ""),
                "promisedDate");
        expectRefused(token, new NewSubmission(SubmissionKind.PROMISE, List.of(inv1), null, ""), "promisedDate");
        expectRefused(token, new NewSubmission(null, List.of(inv1), null, "x"), "kind");
        // nor download another account's document through its own link
        documents.attach(t.collector(), otherAccount, org.opendso.item.ItemType.INVOICE, "PT2-INV", "a.pdf",
                "%PDF-1.4 other".getBytes()).block();
        portal.document(token, client, foreign).as(StepVerifier::create).verifyComplete();
        assertThat(fx.events(customer)).doesNotContain("CUSTOMER_COMMENT_RECEIVED");
    }

    @Test
    void aValidatedPromiseQualifiesTheItemsAsTheCollectorWithTheCustomerAsSourceOnce() {
        String token = token(link());
        LocalDate date = LocalDate.now().plusDays(12);
        PortalMessage sent = portal.submit(token, client,
                new NewSubmission(SubmissionKind.PROMISE, List.of(inv2), date, "Paying on the 12th")).block();
        Submission pending = submissions.of(t.collector(), customer).blockFirst();
        assertThat(pending.id()).isEqualTo(sent.id());
        submissions.validate(t.collector(), sent.id(), new SubmissionDecision(pending.version(), null, "Thanks"))
                .as(StepVerifier::create).assertNext(s -> {
                    assertThat(s.state()).isEqualTo(SubmissionState.VALIDATED);
                    assertThat(s.decidedBy()).isEqualTo(t.collector().name());
                }).verifyComplete();
        assertThat(fx.item(inv2)).containsExactly(fx.statusCode(t.tenantId(), "PROMISE_TO_PAY"), date.toString(),
                "Paying on the 12th");
        assertThat(fx.events(customer)).containsSubsequence("CUSTOMER_COMMENT_RECEIVED", "ITEMS_QUALIFIED",
                "CUSTOMER_COMMENT_VALIDATED");
        assertThat(fx.payload(customer, "ITEMS_QUALIFIED")).contains("\"source\": {\"kind\": \"PORTAL\"",
                "\"contact\": \"Zoe Payer\"");
        // a second decision, on the version seen before, is told what happened
        submissions.reject(t.collector(), sent.id(), pending.version(), "no").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(SubmissionDecided.class,
                        d -> assertThat(d.current().state()).isEqualTo(SubmissionState.VALIDATED)))
                .verify();
        PortalPage page = portal.page(token, client).block();
        assertThat(page.messages()).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(SubmissionState.VALIDATED);
            assertThat(m.answer()).isEqualTo("Thanks");
        });
        assertThat(page.items().get(1).status()).isEqualTo(CustomerStatus.PAYMENT_PROMISED);
    }

    @Test
    void aDisputeGetsTheFirstDisputeStatusAndARejectionItsReason() {
        String token = token(link());
        PortalMessage dispute = portal.submit(token, client,
                new NewSubmission(SubmissionKind.DISPUTE, List.of(inv1), null, "Wrong price")).block();
        submissions.validate(t.collector(), dispute.id(), new SubmissionDecision(0, null, null)).block();
        assertThat(fx.item(inv1)[0]).isEqualTo(fx.statusCode(t.tenantId(), "DISPUTE"));
        PortalMessage comment = portal.submit(token, client,
                new NewSubmission(SubmissionKind.COMMENT, List.of(inv2), null, "Please resend")).block();
        submissions.reject(t.collector(), comment.id(), 0, "  ").as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidPortalRequest) e).field()).isEqualTo("reason"));
        submissions.reject(t.collector(), comment.id(), 0, "We sent it on Monday").block();
        assertThat(fx.payload(customer, "CUSTOMER_COMMENT_REJECTED")).contains("\"reason\": \"We sent it on Monday\"");
        assertThat(portal.page(token, client).block().messages()).filteredOn(m -> m.id() == comment.id())
                .singleElement().satisfies(m -> {
                    assertThat(m.state()).isEqualTo(SubmissionState.REJECTED);
                    assertThat(m.answer()).isEqualTo("We sent it on Monday");
                });
    }

    @Test
    void staffOfAnotherTenantOrNotAssignedNeitherSeeNorChangeLinksAndSubmissions() {
        IssuedPortalLink issued = link();
        PortalMessage sent = portal.submit(token(issued), client,
                new NewSubmission(SubmissionKind.COMMENT, List.of(inv1), null, "hello")).block();
        TestTenants.Other stranger = tenants.create("px-" + System.nanoTime());
        Staff outsider = stranger.admin();
        links.of(outsider, customer).as(StepVerifier::create).verifyError(UnknownPortalLink.class);
        links.create(outsider, customer, null).as(StepVerifier::create).verifyError(UnknownPortalLink.class);
        links.revoke(outsider, customer, issued.link().id()).as(StepVerifier::create).verifyError(UnknownPortalLink.class);
        submissions.validate(outsider, sent.id(), new SubmissionDecision(0, null, null)).as(StepVerifier::create)
                .verifyError(UnknownPortalLink.class);
        // a collector of the same company who is not assigned (and collectors do not see all accounts)
        long other = tenants.demo("collector").userId();
        Staff notAssigned = new Staff(t.tenantId(), other, "x", "X", org.opendso.security.Role.COLLECTOR, "en");
        submissions.of(notAssigned, customer).as(StepVerifier::create).verifyError(UnknownPortalLink.class);
        // the other tenant's own link does not open this account
        long strangerCustomer = stranger.customerId();
        String theirs = token(links.create(stranger.admin(), strangerCustomer, null).block());
        assertThat(links.open(theirs, client).block().customerId()).isEqualTo(strangerCustomer);
        portal.submit(theirs, client, new NewSubmission(SubmissionKind.COMMENT, List.of(inv1), null, "x"))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidPortalRequest) e).field()).isEqualTo("items"));
        assertThat(submissions.validate(t.collector(), sent.id(), new SubmissionDecision(0, null, null)).block().state())
                .isEqualTo(SubmissionState.VALIDATED);
    }

    @Test
    void theLinkValidityIsACompanySettingOfAdministrators() {
        links.changeLinkDays(t.collector(), 10).as(StepVerifier::create)
                .verifyError(org.springframework.security.access.AccessDeniedException.class);
        links.changeLinkDays(t.admin(), 0).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidPortalRequest) e).field()).isEqualTo("linkDays"));
        links.changeLinkDays(t.admin(), 7).as(StepVerifier::create).expectNext(7).verifyComplete();
        assertThat(link().link().expiresAt()).isBefore(java.time.Instant.now().plusSeconds(7 * 86400 + 60));
    }

    @Test
    void onlyPdfsOfTheAccountsItemsAreAttached() {
        documents.attach(t.collector(), customer, org.opendso.item.ItemType.INVOICE, "PT-INV-1", "x.pdf",
                        "<html>".getBytes()).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidPortalRequest) e).field()).isEqualTo("document"));
        documents.attach(t.collector(), customer, org.opendso.item.ItemType.INVOICE, "NOPE", "x.pdf",
                        "%PDF-1.7".getBytes()).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidPortalRequest) e).field()).isEqualTo("item"));
        documents.attach(t.collector(), customer, org.opendso.item.ItemType.INVOICE, "PT-INV-1", "../../etc/inv 1.pdf",
                "%PDF-1.7 body".getBytes()).as(StepVerifier::create)
                .assertNext(d -> assertThat(d.fileName()).isEqualTo("inv 1.pdf")).verifyComplete();
        assertThat(fx.payload(customer, "DOCUMENT_ATTACHED")).contains("\"fileName\": \"inv 1.pdf\"", "PT-INV-1");
        String token = token(link());
        assertThat(portal.page(token, client).block().items().getFirst().hasDocument()).isTrue();
        portal.document(token, client, inv1).as(StepVerifier::create)
                .assertNext(d -> assertThat(new String(d.content())).isEqualTo("%PDF-1.7 body")).verifyComplete();
    }

    private void expectInvalid(String token, InvalidPortalLink.Reason reason) {
        links.open(token, client).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidPortalLink.class,
                        i -> assertThat(i.reason()).isEqualTo(reason)))
                .verify();
    }

    private void expectRefused(String token, NewSubmission s, String field) {
        portal.submit(token, client, s).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidPortalRequest.class,
                        i -> assertThat(i.field()).isEqualTo(field)))
                .verify();
    }
}
