package org.opendso.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.alert.AlertFixture.TODAY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.action.ActionFixture;
import org.opendso.alert.AlertFixture;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /api/v1/.../specific-actions} and {@code /api/v1/me/notification-settings} over HTTP: 201 with the id, and
 * the 422 / 403 / 409 problem details naming the field.
 */
@IntegrationTest
@TestPropertySource(properties = "opendso.notifications.mail-cron=-")
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class, ActionFixture.class})
class SpecificActionApiIT {

    @LocalServerPort int port;
    @Autowired TestTenants tenants;
    @Autowired AlertFixture fx;
    @Autowired ActionFixture ax;

    WebTestClient api;
    TestTenants.Other other;
    long customer;
    long inv2;
    Staff sam;

    @BeforeEach
    void setUp() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        String p = "sapi" + System.nanoTime();
        other = tenants.create(p);
        customer = fx.customer(other.tenantId(), "SAPI-1", other.collector().userId());
        fx.item(other.tenantId(), customer, "SP-1", TODAY.minusDays(40), "500.00");
        inv2 = fx.item(other.tenantId(), customer, "SP-2", TODAY.minusDays(20), "300.00");
        sam = ax.user(other.tenantId(), p + "-sam", Role.SALES_MANAGER, "en");
        ax.assign(other.tenantId(), customer, sam.userId(), "SALES_MANAGER");
    }

    WebTestClient.ResponseSpec post(String login, String uri, String body) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec send(String method, String login, String uri, String body) {
        return api.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    String body(String kind, String resolver, String... numbers) {
        StringBuilder items = new StringBuilder();
        for (String n : numbers) {
            items.append(items.isEmpty() ? "" : ",").append("{\"number\":\"").append(n).append("\",\"type\":\"INVOICE\"}");
        }
        return "{\"kind\":\"" + kind + "\",\"items\":[" + items + "],\"resolver\":\"" + resolver
                + "\",\"dueDate\":\"" + TODAY.plusDays(7) + "\",\"note\":\"Call the buyer\"}";
    }

    long create(String login, String kind, String... numbers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = post(login, "/v1/customers/SAPI-1/specific-actions", body(kind, sam.login(), numbers))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/specific-actions/\\d+")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created).containsEntry("state", "OPEN").containsEntry("resolver", sam.login())
                .containsEntry("kind", kind).containsEntry("customer", "SAPI-1");
        return ((Number) created.get("id")).longValue();
    }

    @Test
    void createdWithItsIdThenListedAndRead() {
        long id = create(other.collector().login(), "DISPUTE_FOLLOW_UP", "SP-1", "SP-2");
        api.get().uri("/v1/customers/SAPI-1/specific-actions").headers(h -> h.setBasicAuth(sam.login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo(id)
                .jsonPath("$[0].items").isEqualTo(List.of("SP-1", "SP-2"))
                .jsonPath("$[0].dueDate").isEqualTo(TODAY.plusDays(7).toString());
        api.get().uri("/v1/specific-actions/" + id).headers(h -> h.setBasicAuth(sam.login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.note").isEqualTo("Call the buyer");
        // another company's user: not found
        TestTenants.Other stranger = tenants.create("sapx" + System.nanoTime());
        api.get().uri("/v1/specific-actions/" + id).headers(h -> h.setBasicAuth(stranger.admin().login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isNotFound();
        // sam was told, and reads it in his notifications
        api.get().uri("/v1/me/notifications").headers(h -> h.setBasicAuth(sam.login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.unread").isEqualTo(1)
                .jsonPath("$.content[0].kind").isEqualTo("ACTION_ASSIGNED")
                .jsonPath("$.content[0].link").isEqualTo("http://localhost:8080/actions/" + id);
    }

    @Test
    void wrongInputIsA422NamingTheField() {
        String url = "/v1/customers/SAPI-1/specific-actions";
        String login = other.collector().login();
        post(login, url, body("DISPUTE_FOLLOW_UP", sam.login(), "SP-1", "NOPE")).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("items[1]").jsonPath("$.detail").value(d ->
                        assertThat((String) d).contains("NOPE"));
        post(login, url, body("DISPUTE_FOLLOW_UP", "nobody-here", "SP-1")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("resolver");
        post(login, url, body("WHATEVER", sam.login(), "SP-1")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("kind");
        post(login, url, "{\"kind\":\"CUSTOM\",\"items\":[{\"number\":\"SP-1\"}],\"resolver\":\"" + sam.login() + "\"}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("dueDate");
        post(login, url, "{\"kind\":\"CUSTOM\",\"items\":[],\"resolver\":\"x\",\"dueDate\":\"2026-03-20\"}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("items");
        post(login, "/v1/customers/NOT-MINE/specific-actions", body("CUSTOM", sam.login(), "SP-1"))
                .expectStatus().isNotFound();
    }

    @Test
    void anItemInAnotherOpenActionIsA409NamingItAndTheAction() {
        long first = create(other.collector().login(), "DISPUTE_FOLLOW_UP", "SP-1");
        post(other.collector().login(), "/v1/customers/SAPI-1/specific-actions", body("CUSTOM", sam.login(), "SP-2", "SP-1"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("items[1]").jsonPath("$.actions[0]").isEqualTo(first);
    }

    @Test
    void completingIsRefusedToWhoMayNotAndExplainsWhatIsMissing() {
        long id = create(other.collector().login(), "DISPUTE_FOLLOW_UP", "SP-1");
        ax.collectorsSeeAll(other.tenantId());
        Staff cora = ax.user(other.tenantId(), "cora" + System.nanoTime(), Role.COLLECTOR, "en");
        post(cora.login(), "/v1/specific-actions/" + id + "/complete", "{\"note\":\"done\"}").expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.detail").value(d ->
                        assertThat((String) d).contains("resolver"));
        post(sam.login(), "/v1/specific-actions/" + id + "/complete", "{}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("note");
        post(sam.login(), "/v1/specific-actions/" + id + "/complete", "{\"note\":\"Credit note sent\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("COMPLETED").jsonPath("$.outcome").isEqualTo("RESOLVED")
                .jsonPath("$.closingNote").isEqualTo("Credit note sent");
        post(sam.login(), "/v1/specific-actions/" + id + "/cancel", "{\"reason\":\"late\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.current.state").isEqualTo("COMPLETED");
    }

    @Test
    void aPromiseNotPaidIsA409ListingTheOpenItemsUnlessCompletedAnyway() {
        long id = create(other.collector().login(), "PROMISE_FOLLOW_UP", "SP-1", "SP-2");
        fx.pay(inv2);
        post(sam.login(), "/v1/specific-actions/" + id + "/complete", "{\"note\":\"\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("anyway")
                .jsonPath("$.openItems[0].number").isEqualTo("SP-1")
                .jsonPath("$.openItems.length()").isEqualTo(1);
        post(sam.login(), "/v1/specific-actions/" + id + "/complete", "{\"note\":\"\",\"anyway\":true}")
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("UNPAID");
    }

    @Test
    void editAndCancelAtTheVersionRead() {
        long id = create(other.collector().login(), "CUSTOM", "SP-1");
        send("PATCH", sam.login(), "/v1/specific-actions/" + id, "{\"version\":0,\"dueDate\":\"" + TODAY.plusDays(2) + "\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        send("PATCH", sam.login(), "/v1/specific-actions/" + id, "{\"version\":0,\"note\":\"stale\"}")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("version")
                .jsonPath("$.current.version").isEqualTo(1).jsonPath("$.current.dueDate").isEqualTo(TODAY.plusDays(2).toString());
        send("PATCH", sam.login(), "/v1/specific-actions/" + id, "{\"resolver\":\"nobody-here\"}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("resolver");
        post(sam.login(), "/v1/specific-actions/" + id + "/cancel", "{}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("reason");
        post(sam.login(), "/v1/specific-actions/" + id + "/cancel", "{\"reason\":\"Not needed\",\"version\":1}")
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CANCELLED");
    }

    @Test
    void myNotificationSettings() {
        api.get().uri("/v1/me/notification-settings").headers(h -> h.setBasicAuth(sam.login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo("IMMEDIATE").jsonPath("$.version").isEqualTo(0);
        send("PUT", sam.login(), "/v1/me/notification-settings", "{\"email\":\"DAILY_DIGEST\",\"version\":0}")
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo("DAILY_DIGEST")
                .jsonPath("$.version").isEqualTo(1);
        send("PUT", sam.login(), "/v1/me/notification-settings", "{\"email\":\"NONE\",\"version\":0}")
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.current.email").isEqualTo("DAILY_DIGEST");
        send("PUT", sam.login(), "/v1/me/notification-settings", "{\"email\":\"SOMETIMES\"}")
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("email");
        // each user's own
        api.get().uri("/v1/me/notification-settings")
                .headers(h -> h.setBasicAuth(other.collector().login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo("IMMEDIATE");
    }
}
