package org.opendso.template;

import static org.assertj.core.api.Assertions.assertThat;

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

@IntegrationTest
@Import(TestTenants.class)
class TemplateApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    WebTestClient.ResponseSpec get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, "demo")).exchange();
    }

    WebTestClient.ResponseSpec post(String login, String password, String uri, Object body) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, password))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec post(String login, String uri, Object body) {
        return post(login, "demo", uri, body);
    }

    WebTestClient.ResponseSpec put(String login, String uri, Object body) {
        return api.put().uri(uri).headers(h -> h.setBasicAuth(login, "demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void rendersASubjectAndBodyForDemo001InFrenchAndEnglish() {
        Map<String, Object> request = Map.of("customer", "DEMO-001", "language", "fr",
                "subject", "Relance #CustomerAccount du #Today",
                "body", "<p>Bonjour #ContactName, solde #Balance, échu #OverdueAmount.</p>");
        Map<?, ?> fr = post("collector", "/v1/templates/render", request).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) fr.get("subject")).matches("Relance DEMO-001 du \\d\\d/\\d\\d/\\d{4}");
        assertThat((String) fr.get("body")).matches("<p>Bonjour [^#<]+, solde -?[\\d\u00a0]+,\\d\\d\u00a0€, "
                + "échu -?[\\d\u00a0]+,\\d\\d\u00a0€\\.</p>");
        assertThat(fr.get("language")).isEqualTo("fr");

        Map<String, Object> english = new java.util.HashMap<>(request);
        english.put("language", "en");
        english.put("body", "<p>Dear #ContactName, #CustomerName owes #Balance.</p>");
        post("collector", "/v1/templates/render", english).expectStatus().isOk().expectBody()
                .jsonPath("$.subject").value(s -> assertThat((String) s)
                        .matches("Relance DEMO-001 du \\d{1,2} [A-Z][a-z]{2} \\d{4}"))
                .jsonPath("$.body").value(b -> assertThat((String) b)
                        .matches("<p>Dear [^#<]+, Atelier Martin owes -?€[\\d,]+\\.\\d\\d\\.</p>"));
    }

    @Test
    void rendersAStandardTemplateByCodeInTheLanguageAsked() {
        post("admin", "/v1/templates/render", Map.of("customer", "DEMO-001", "template", "first_reminder",
                        "language", "fr"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.subject").isEqualTo("Rappel de paiement - compte DEMO-001")
                .jsonPath("$.body").value(b -> assertThat((String) b).contains("Sauf erreur de notre part", "<table",
                        "Échéance", "Colin Collector").doesNotContain("#OverdueItemsTable"));
        post("admin", "/v1/templates/render", Map.of("customer", "DEMO-001", "template", "NO_SUCH"))
                .expectStatus().isNotFound();
    }

    @Test
    void anUnknownHashtagIsA422WithItsPositionAndPortalLinkPreviewsAsANote() {
        post("collector", "/v1/templates/render", Map.of("customer", "DEMO-001", "subject", "Hello",
                        "body", "<p>Dear #ContactName,</p>\n<p>you owe #Balanse</p>"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.hashtag").isEqualTo("#Balanse")
                .jsonPath("$.field").isEqualTo("body")
                .jsonPath("$.line").isEqualTo(2)
                .jsonPath("$.column").isEqualTo(12)
                .jsonPath("$.suggestion").isEqualTo("#Balance")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("#Balanse", "line 2"));
        post("collector", "/v1/templates/render", Map.of("customer", "DEMO-001", "subject", "Hi",
                        "body", "Pay online: #PortalLink", "language", "en"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.body").value(b -> assertThat((String) b)
                        .contains("personal portal link, created when the email is sent"));
    }

    @Test
    void anAccountOfAnotherCompanyOrNotAssignedIsA404() {
        TestTenants.Other other = tenants.create("tp-api");
        // DEMO-002 exists only in the demo company
        post(other.admin().login(), TestTenants.PASSWORD, "/v1/templates/render",
                Map.of("customer", "DEMO-002", "subject", "#CustomerName", "body", "x"))
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("customer");
        // DEMO-001 of the other company is its own customer, not the demo one
        post(other.admin().login(), TestTenants.PASSWORD, "/v1/templates/render",
                Map.of("customer", "DEMO-001", "subject", "#CustomerName", "body", "x"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.subject").isEqualTo("Secret Customer of tp-api");
        // DEMO-005 has no collector: the demo collector does not see it
        post("collector", "/v1/templates/render", Map.of("customer", "DEMO-005", "subject", "x", "body", "x"))
                .expectStatus().isNotFound();
    }

    @Test
    void aCollectorReadsAndRendersButDoesNotSave() {
        get("collector", "/v1/templates").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(12))
                .jsonPath("$[?(@.code == 'FORMAL_NOTICE' && @.language == 'fr')].kind").isEqualTo(java.util.List.of("LETTER"));
        get("collector", "/v1/templates/FORMAL_NOTICE/fr").expectStatus().isOk().expectBody()
                .jsonPath("$.standard").isEqualTo(true)
                .jsonPath("$.name").isEqualTo("Mise en demeure");
        post("collector", "/v1/templates", Map.of("code", "TP_API_C", "language", "en", "kind", "EMAIL",
                "name", "No", "subject", "x", "body", "x")).expectStatus().isForbidden();
        put("collector", "/v1/templates/FIRST_REMINDER/en", Map.of("name", "Mine")).expectStatus().isForbidden();
        api.delete().uri("/v1/templates/FIRST_REMINDER/en").headers(h -> h.setBasicAuth("collector", "demo"))
                .exchange().expectStatus().isForbidden();
        post("collector", "/v1/templates/render", Map.of("customer", "DEMO-001", "template", "PRE_DUE_REMINDER",
                "language", "en")).expectStatus().isOk();
    }

    @Test
    void anAdminCreatesChangesAndDeletesATemplateAndAnUnknownHashtagIsRefusedOnSave() {
        post("admin", "/v1/templates", Map.of("code", "tp_api", "language", "en", "kind", "email",
                        "name", "Api", "subject", "Hello #CustomerName", "body", "<p>#Balance</p>"))
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).endsWith("/api/v1/templates/TP_API/en"))
                .expectBody()
                .jsonPath("$.code").isEqualTo("TP_API")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.standard").isEqualTo(false);
        put("admin", "/v1/templates/TP_API/en", Map.of("body", "<p>#Balanse</p>", "version", 0))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.hashtag").isEqualTo("#Balanse").jsonPath("$.column").isEqualTo(4);
        put("admin", "/v1/templates/TP_API/en", Map.of("body", "<p>#OverdueAmount</p>", "version", 0))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.subject").isEqualTo("Hello #CustomerName");
        put("admin", "/v1/templates/TP_API/en", Map.of("name", "Stale", "version", 0))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.current.version").isEqualTo(1);
        api.delete().uri("/v1/templates/FIRST_REMINDER/en").headers(h -> h.setBasicAuth("admin", "demo"))
                .exchange().expectStatus().isBadRequest();
        api.delete().uri("/v1/templates/TP_API/en").headers(h -> h.setBasicAuth("admin", "demo"))
                .exchange().expectStatus().isNoContent();
        get("admin", "/v1/templates/TP_API/en").expectStatus().isNotFound();
    }
}
