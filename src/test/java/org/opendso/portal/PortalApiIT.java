package org.opendso.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal over HTTP: the REST API (links, submissions, decisions, documents, settings) with its problem details,
 * and the portal's page address, which answers a token that opens nothing with one plain page and a real status.
 */
@IntegrationTest
@Import({TestTenants.class, PortalFixture.class})
class PortalApiIT {

    @LocalServerPort int port;
    @Autowired TestTenants tenants;
    @Autowired PortalFixture fx;
    @Autowired Portal portal;
    @Autowired PortalLinks links;

    WebTestClient api;
    WebTestClient web;
    TestTenants.Other t;
    long customer;
    long inv;

    @BeforeEach
    void setUp() {
        // a 10 MB upload (the refused oversized document) takes more than the default 5 s on a loaded machine
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api")
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        t = tenants.create("pa-" + System.nanoTime());
        customer = fx.account(t, "PA-1");
        inv = fx.invoice(t.tenantId(), customer, "PA-INV-1", LocalDate.now().minusDays(5), "99.00");
    }

    WebTestClient.RequestHeadersSpec<?> as(String who, WebTestClient.RequestHeadersSpec<?> spec) {
        return spec.headers(h -> h.setBasicAuth(who, TestTenants.PASSWORD));
    }

    String collector() {
        return t.collector().login();
    }

    @Test
    void linksAreCreatedListedAndRevokedThroughTheApi() {
        Map<?, ?> created = as(collector(), api.post().uri("/v1/customers/PA-1/portal-links")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("contact", "Zoe Payer"))).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) created.get("url")).matches("http://localhost:8080/portal/[A-Za-z0-9_-]{43}");
        assertThat(created.get("expiresAt")).isNotNull();
        assertThat(created.get("contact")).isEqualTo("Zoe Payer");
        Number id = (Number) created.get("id");
        // without a body: a link to the account
        as(collector(), api.post().uri("/v1/customers/PA-1/portal-links")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.contact").doesNotExist();
        as(collector(), api.post().uri("/v1/customers/PA-1/portal-links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("contact", "Nobody"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("contact");
        as(collector(), api.get().uri("/v1/customers/PA-1/portal-links")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[0].url").doesNotExist();
        as(collector(), api.delete().uri("/v1/customers/PA-1/portal-links/" + id)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("REVOKED");
        as(collector(), api.delete().uri("/v1/customers/PA-1/portal-links/999999")).exchange()
                .expectStatus().isNotFound();
        // the demo company's collector sees nothing of this tenant's account of the same reference's neighbour
        api.get().uri("/v1/customers/PA-1/portal-links").headers(h -> h.setBasicAuth("collector", "demo")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void submissionsAreListedAndDecidedOnceWithAConflictShowingTheCurrentState() {
        String token = PortalFixture.token(links.create(t.collector(), customer, null).block());
        PortalMessage sent = portal.submit(token, "api-test",
                new NewSubmission(SubmissionKind.DISPUTE, List.of(inv), null, "Not delivered")).block();
        as(collector(), api.get().uri("/v1/customers/PA-1/portal-submissions")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].kind").isEqualTo("DISPUTE").jsonPath("$[0].state").isEqualTo("PENDING")
                .jsonPath("$[0].items[0].number").isEqualTo("PA-INV-1").jsonPath("$[0].version").isEqualTo(0);
        as(collector(), api.post().uri("/v1/portal-submissions/" + sent.id() + "/validate")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("version", 0, "status", "NO_SUCH"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("status");
        as(collector(), api.post().uri("/v1/portal-submissions/" + sent.id() + "/validate")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answer", "x"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("version");
        as(collector(), api.post().uri("/v1/portal-submissions/" + sent.id() + "/validate")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("version", 0, "answer", "We check"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("VALIDATED");
        as(collector(), api.post().uri("/v1/portal-submissions/" + sent.id() + "/reject")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("version", 0, "reason", "late"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.current.state").isEqualTo("VALIDATED")
                .jsonPath("$.current.decidedBy").isEqualTo(t.collector().name());
        api.post().uri("/v1/portal-submissions/" + sent.id() + "/reject").headers(h -> h.setBasicAuth("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("version", 1, "reason", "x")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aPdfIsAttachedToAnItemAndAnythingElseIsRefused() {
        byte[] pdf = "%PDF-1.4\n%fake but well-begun\n".getBytes();
        as(collector(), api.put().uri("/v1/customers/PA-1/items/invoice/PA-INV-1/document?fileName=PA-INV-1.pdf")
                .contentType(MediaType.APPLICATION_PDF).bodyValue(pdf)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.fileName").isEqualTo("PA-INV-1.pdf")
                .jsonPath("$.size").isEqualTo(pdf.length);
        as(collector(), api.put().uri("/v1/customers/PA-1/items/INVOICE/PA-INV-1/document")
                .contentType(MediaType.APPLICATION_PDF).bodyValue("<html>".getBytes())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("document");
        as(collector(), api.put().uri("/v1/customers/PA-1/items/INVOICE/PA-INV-1/document")
                .contentType(MediaType.TEXT_PLAIN).bodyValue("%PDF-")).exchange()
                .expectStatus().isEqualTo(415);
        byte[] big = new byte[Documents.MAX_BYTES + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        as(collector(), api.put().uri("/v1/customers/PA-1/items/INVOICE/PA-INV-1/document")
                .contentType(MediaType.APPLICATION_PDF).bodyValue(big)).exchange()
                .expectStatus().isEqualTo(413).expectBody().jsonPath("$.field").isEqualTo("document");
        as(collector(), api.put().uri("/v1/customers/PA-1/items/INVOICE/NOPE/document")
                .contentType(MediaType.APPLICATION_PDF).bodyValue(pdf)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("item");
        as(collector(), api.get().uri("/v1/customers/PA-1/documents")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].number").isEqualTo("PA-INV-1");
        assertThat(fx.events(customer)).containsOnlyOnce("DOCUMENT_ATTACHED");
    }

    @Test
    void theLinkValidityIsReadByAllAndChangedByAdministrators() {
        as(collector(), api.get().uri("/v1/settings/portal")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.linkDays").isEqualTo(30);
        as(collector(), api.put().uri("/v1/settings/portal").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("linkDays", 10))).exchange().expectStatus().isForbidden();
        as(t.admin().login(), api.put().uri("/v1/settings/portal").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("linkDays", 400))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("linkDays");
        as(t.admin().login(), api.put().uri("/v1/settings/portal").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("linkDays", "ten"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("linkDays");
        as(t.admin().login(), api.put().uri("/v1/settings/portal").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("linkDays", 14))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.linkDays").isEqualTo(14);
    }

    @Test
    void thePortalAddressAnswersABadTokenWithOnePlainPageAndARealStatus() {
        IssuedPortalLink good = links.create(t.collector(), customer, null).block();
        String page = web.get().uri("/portal/" + PortalToken.generate()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("This link is no longer valid")
                .doesNotContain("Other pa-", "PA-1", "Customer", "vaadin", "OpenDSO", "login");
        IssuedPortalLink revoked = links.create(t.collector(), customer, null).block();
        links.revoke(t.collector(), customer, revoked.link().id()).block();
        web.get().uri(URI(revoked)).exchange().expectStatus().isEqualTo(410)
                .expectBody(String.class).value(b -> assertThat(b).isEqualTo(page));
        IssuedPortalLink expired = links.create(t.collector(), customer, null).block();
        fx.expire(expired.link().id());
        web.get().uri(URI(expired)).header("Accept-Language", "fr").exchange().expectStatus().isEqualTo(410)
                .expectBody(String.class).value(b -> assertThat(b).contains("Ce lien n’est plus valable"));
        web.get().uri("/portal/" + PortalFixture.token(good) + "/x").exchange().expectStatus().isNotFound();
        // a valid token gets the application's page, without a login
        web.get().uri(URI(good)).exchange().expectStatus().isOk()
                .expectBody(String.class).value(b -> assertThat(b).doesNotContain("This link is no longer valid"));
    }

    private static String URI(IssuedPortalLink link) {
        return "/portal/" + PortalFixture.token(link);
    }
}
