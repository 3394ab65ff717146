package org.opendso.status;

import static org.assertj.core.api.Assertions.assertThat;

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

@IntegrationTest
@Import(TestTenants.class)
class StatusApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    WebTestClient.RequestHeadersSpec<?> get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, "demo"));
    }

    WebTestClient.ResponseSpec post(String login, String uri, Object body) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, "demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec put(String login, String uri, Object body) {
        return api.put().uri(uri).headers(h -> h.setBasicAuth(login, "demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec delete(String login, String uri) {
        return api.delete().uri(uri).headers(h -> h.setBasicAuth(login, "demo")).exchange();
    }

    @Test
    void everyoneListsTheStatusesWithTheLabelInTheirLanguage() {
        get("collector", "/v1/statuses").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.code == 'PRICE_DISPUTE')].label").isEqualTo(List.of("Price dispute"))
                .jsonPath("$[?(@.code == 'PRICE_DISPUTE')].labels.fr").isEqualTo(List.of("Litige prix"))
                .jsonPath("$[?(@.code == 'PRICE_DISPUTE')].category").isEqualTo(List.of("DISPUTE"))
                .jsonPath("$[?(@.code == 'PRICE_DISPUTE')].followUpDays").isEqualTo(List.of(14))
                .jsonPath("$[?(@.code == 'PRICE_DISPUTE')].standard").isEqualTo(List.of(true))
                .jsonPath("$[*].category").value(categories -> assertThat((List<String>) categories)
                        .contains("ON_GOING", "PROMISE_TO_PAY", "DISPUTE", "DISPUTE_RESOLVED", "LITIGATION"));
        // a French-speaking admin of another company reads French labels, and only their company's statuses
        tenants.create("sapi-fr");
        api.get().uri("/v1/statuses/PRICE_DISPUTE").headers(h -> h.setBasicAuth("sapi-fr-admin", TestTenants.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.label").isEqualTo("Litige prix").jsonPath("$.labels.en").isEqualTo("Price dispute");
        get("sales", "/v1/statuses/NOPE").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.get().uri("/v1/statuses").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAdminCreatesAStatusAndItsCodeIsUnique() {
        post("admin", "/v1/statuses", Map.of("code", "sapi waiting", "label", "Waiting", "category", "ON_GOING"))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).endsWith("/api/v1/statuses/SAPI_WAITING"))
                .expectBody()
                .jsonPath("$.code").isEqualTo("SAPI_WAITING")
                .jsonPath("$.label").isEqualTo("Waiting")
                .jsonPath("$.labels.en").isEqualTo("Waiting")
                .jsonPath("$.labels.fr").isEqualTo("Waiting")
                .jsonPath("$.followUpDays").isEqualTo(7)
                .jsonPath("$.standard").isEqualTo(false)
                .jsonPath("$.version").isEqualTo(0);
        get("collector", "/v1/statuses/SAPI_WAITING").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.category").isEqualTo("ON_GOING");

        post("admin", "/v1/statuses", Map.of("code", "SAPI_WAITING", "label", "Again", "category", "ON_GOING"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("code")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("already used"));
        post("admin", "/v1/statuses", Map.of("code", "SAPI_BAD", "label", "Bad", "category", "PAID"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("category")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("PAID"));
        post("admin", "/v1/statuses", Map.of("code", "SAPI_BAD", "labels", Map.of("en", "Only English"), "category", "DISPUTE"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("labels.fr");
        post("admin", "/v1/statuses", Map.of("code", "SAPI_BAD", "label", "Bad", "category", "DISPUTE", "followUpDays", 5000))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("followUpDays");
        post("admin", "/v1/statuses", Map.of("code", "bad-code!", "label", "Bad", "category", "DISPUTE"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("code");
        get("admin", "/v1/statuses/SAPI_BAD").exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAnAdminChangesStatuses() {
        post("collector", "/v1/statuses", Map.of("code", "SAPI_MINE", "label", "Mine", "category", "ON_GOING"))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put("sales", "/v1/statuses/REMINDER_SENT", Map.of("label", "Renamed")).expectStatus().isForbidden();
        delete("collector", "/v1/statuses/CALLED_BACK?replacement=REMINDER_SENT").expectStatus().isForbidden();
        get("collector", "/v1/statuses/SAPI_MINE").exchange().expectStatus().isNotFound();
        get("collector", "/v1/statuses/REMINDER_SENT").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.label").isEqualTo("Reminder sent");
    }

    @Test
    void anAdminRenamesAndChangesAStatusWithOptimisticLocking() {
        post("admin", "/v1/statuses", Map.of("code", "SAPI_RENAME", "labels", Map.of("en", "Before", "fr", "Avant"),
                "category", "DISPUTE", "followUpDays", 10)).expectStatus().isCreated();
        put("admin", "/v1/statuses/SAPI_RENAME", Map.of("labels", Map.of("en", "After"), "version", 0))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.labels.en").isEqualTo("After")
                .jsonPath("$.labels.fr").isEqualTo("Avant")
                .jsonPath("$.category").isEqualTo("DISPUTE")
                .jsonPath("$.followUpDays").isEqualTo(10)
                .jsonPath("$.version").isEqualTo(1);
        put("admin", "/v1/statuses/SAPI_RENAME", Map.of("category", "LITIGATION", "followUpDays", 60, "version", 0))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("version")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("changed by someone else"));
        put("admin", "/v1/statuses/SAPI_RENAME", Map.of("category", "litigation", "followUpDays", 60))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.category").isEqualTo("LITIGATION").jsonPath("$.followUpDays").isEqualTo(60)
                .jsonPath("$.labels.en").isEqualTo("After");
        put("admin", "/v1/statuses/SAPI_RENAME", Map.of("category", "NOPE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("category");
        put("admin", "/v1/statuses/SAPI_RENAME", Map.of("code", "OTHER_CODE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("code");
        put("admin", "/v1/statuses/SAPI_NOPE", Map.of("label", "x")).expectStatus().isNotFound();
    }

    @Test
    void deletingAStatusInUseAsksForAReplacementThenMovesTheItems() {
        post("admin", "/v1/statuses", Map.of("code", "SAPI_OLD", "label", "Old", "category", "DISPUTE"))
                .expectStatus().isCreated();
        post("admin", "/v1/statuses", Map.of("code", "SAPI_NEW", "label", "New", "category", "DISPUTE"))
                .expectStatus().isCreated();
        Map<String, Object> item = get("admin", "/v1/customers/DEMO-041/items").exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().getFirst();
        post("admin", "/v1/customers/DEMO-041/qualifications", Map.of(
                "items", List.of(Map.of("number", item.get("number"), "type", item.get("type"), "version", item.get("version"))),
                "status", "SAPI_OLD", "comment", "Wrong price on line 2"))
                .expectStatus().isCreated();

        delete("admin", "/v1/statuses/SAPI_OLD").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.itemsInUse").isEqualTo(1).jsonPath("$.field").isEqualTo("replacement");
        delete("admin", "/v1/statuses/SAPI_OLD?replacement=NO_SUCH").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("replacement");
        delete("admin", "/v1/statuses/SAPI_OLD?replacement=SAPI_NEW").expectStatus().isNoContent();

        get("admin", "/v1/statuses/SAPI_OLD").exchange().expectStatus().isNotFound();
        get("admin", "/v1/customers/DEMO-041/items").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.number == '" + item.get("number") + "')].status").isEqualTo(List.of("SAPI_NEW"))
                .jsonPath("$[?(@.number == '" + item.get("number") + "')].lastComment").isEqualTo(List.of("Wrong price on line 2"))
                .jsonPath("$[?(@.number == '" + item.get("number") + "')].version")
                .isEqualTo(List.of(((Number) item.get("version")).intValue() + 2));

        // nobody carries SAPI_NEW's sibling: it goes without a replacement
        post("admin", "/v1/statuses", Map.of("code", "SAPI_SPARE", "label", "Spare", "category", "DISPUTE"))
                .expectStatus().isCreated();
        delete("admin", "/v1/statuses/SAPI_SPARE").expectStatus().isNoContent();
        delete("admin", "/v1/statuses/SAPI_SPARE").expectStatus().isNotFound();
    }
}
