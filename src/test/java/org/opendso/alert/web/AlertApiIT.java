package org.opendso.alert.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.alert.AlertFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture;
import org.opendso.alert.Alerts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/v1/alerts} and {@code /api/v1/settings/alerts} over HTTP, for a company of its own. */
@IntegrationTest
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class})
class AlertApiIT {

    @LocalServerPort int port;
    @Autowired TestTenants tenants;
    @Autowired AlertFixture fx;
    @Autowired Alerts alerts;

    WebTestClient api;
    TestTenants.Other other;

    @BeforeEach
    void setUp() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        other = tenants.create("ala-" + System.nanoTime());
    }

    WebTestClient.RequestHeadersSpec<?> get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD));
    }

    WebTestClient.ResponseSpec put(String login, String body) {
        return api.put().uri("/v1/settings/alerts").headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void theAlertsOfTheAccountsTheCallerSeesNewestFirst() {
        long mine = fx.customer(other.tenantId(), "API-1", other.collector().userId());
        fx.item(other.tenantId(), mine, "A1-1", TODAY.minusDays(30), "500.00");
        long old = fx.item(other.tenantId(), mine, "A1-2", TODAY.minusDays(200), "80.00");
        long hidden = fx.customer(other.tenantId(), "API-2", null);
        fx.item(other.tenantId(), hidden, "A2-1", TODAY.minusDays(30), "500.00");
        alerts.evaluate(other.tenantId(), List.of(mine, hidden)).block();

        get(other.collector().login(), "/v1/alerts").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.content[*].account").isEqualTo(List.of("API-1", "API-1"))
                .jsonPath("$.content[?(@.rule == 'OLD_ITEM_WITHOUT_STATUS')].details.number").isEqualTo(List.of("A1-2"))
                .jsonPath("$.content[?(@.rule == 'OLD_ITEM_WITHOUT_STATUS')].subject").isEqualTo(List.of(String.valueOf(old)))
                .jsonPath("$.content[0].open").isEqualTo(true);
        get(other.admin().login(), "/v1/alerts?customer=API-2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.content[0].rule").isEqualTo("NO_ACTION")
                .jsonPath("$.content[0].customerName").isEqualTo("Customer API-2");
        get(other.collector().login(), "/v1/customers/API-1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.openAlerts").isEqualTo(2);
        get(other.admin().login(), "/v1/customers?query=API-").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content[?(@.account == 'API-1')].openAlerts").isEqualTo(List.of(2))
                .jsonPath("$.content[?(@.account == 'API-2')].openAlerts").isEqualTo(List.of(1));
        get(other.collector().login(), "/v1/alerts?customer=API-2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        get(other.collector().login(), "/v1/alerts?state=cleared").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        get(other.collector().login(), "/v1/alerts?state=sleeping").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("state");

        // acknowledged: among the cleared ones; another company's alert is not found
        String id = String.valueOf(fx.alerts(mine).getFirst().id());
        api.post().uri("/v1/alerts/" + id + "/acknowledge").headers(h -> h.setBasicAuth(other.collector().login(),
                TestTenants.PASSWORD)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.open").isEqualTo(false).jsonPath("$.clearedReason").isEqualTo("ACKNOWLEDGED");
        get(other.collector().login(), "/v1/alerts?state=cleared").exchange().expectBody().jsonPath("$.total").isEqualTo(1);
        TestTenants.Other third = tenants.create("ala3-" + System.nanoTime());
        api.post().uri("/v1/alerts/" + fx.alerts(hidden).getFirst().id() + "/acknowledge")
                .headers(h -> h.setBasicAuth(third.admin().login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isNotFound();
        get(third.admin().login(), "/v1/alerts?state=all").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void settingsAreReadByEveryoneAndChangedByAdministratorsWithProblemsNamingTheField() {
        get(other.collector().login(), "/v1/settings/alerts").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].rule").isEqualTo("PROMISE_BROKEN").jsonPath("$[0].enabled").isEqualTo(true)
                .jsonPath("$[0].days").isEqualTo(3)
                .jsonPath("$[1].rule").isEqualTo("NO_ACTION").jsonPath("$[1].days").isEqualTo(15)
                .jsonPath("$[2].days").isEqualTo(183)
                .jsonPath("$[3].rule").isEqualTo("MAIL_FAILED").jsonPath("$[3].days").isEmpty();

        put(other.collector().login(), "[{\"rule\":\"NO_ACTION\",\"enabled\":false}]").expectStatus().isForbidden();
        put(other.admin().login(), "[{\"rule\":\"NO_ACTION\",\"days\":0}]").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("days").jsonPath("$.rule").isEqualTo("NO_ACTION")
                .jsonPath("$.status").isEqualTo(422);
        // beyond an int: not wrapped into a valid number of days
        put(other.admin().login(), "[{\"rule\":\"NO_ACTION\",\"days\":4294967311}]").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("days");
        put(other.admin().login(), "[{\"rule\":\"NO_SUCH\",\"enabled\":true}]").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("rule");
        put(other.admin().login(), "[{\"rule\":\"NO_ACTION\",\"enabled\":\"yes\"}]").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("enabled");
        put(other.admin().login(), "[{\"rule\":\"MAIL_FAILED\",\"days\":2}]").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("days");
        put(other.admin().login(), "{\"rule\":\"NO_ACTION\"}").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("rule");
        get(other.admin().login(), "/v1/settings/alerts").exchange().expectBody()
                .jsonPath("$[1].enabled").isEqualTo(true).jsonPath("$[1].days").isEqualTo(15);

        put(other.admin().login(), "[{\"rule\":\"NO_ACTION\",\"enabled\":false,\"days\":20},"
                + "{\"rule\":\"OLD_ITEM_WITHOUT_STATUS\",\"days\":120}]")
                .expectStatus().isOk().expectBody()
                .jsonPath("$[1].enabled").isEqualTo(false).jsonPath("$[1].days").isEqualTo(20)
                .jsonPath("$[2].days").isEqualTo(120)
                .jsonPath("$[0].days").isEqualTo(3);
        assertThat(alerts.settings(other.tenantId()).block()).hasSize(4);
    }
}
