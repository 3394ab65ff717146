package org.opendso.customer;

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
class CustomerApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    WebTestClient.RequestHeadersSpec<?> get(String login, String password, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, password));
    }

    @Test
    void adminSeesAllFiftyDemoAccountsWithFigures() {
        get("admin", "demo", "/v1/customers?size=100&query=DEMO-").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(50)
                .jsonPath("$.content.length()").isEqualTo(50)
                .jsonPath("$.content[0].account").isEqualTo("DEMO-001")
                .jsonPath("$.content[0].balance").isNumber();
    }

    @Test
    void collectorSeesOnlyAssignedAccounts() {
        get("collector", "demo", "/v1/customers?size=100&query=DEMO-").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(40);
        get("collector", "demo", "/v1/customers/DEMO-005").exchange().expectStatus().isNotFound();
        get("collector", "demo", "/v1/customers/DEMO-005/items").exchange().expectStatus().isNotFound();
        get("collector", "demo", "/v1/customers/DEMO-004").exchange().expectStatus().isOk();
    }

    @Test
    void salesManagerSeesOnlyTheirCustomers() {
        get("sales", "demo", "/v1/customers?size=100").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(25);
        get("sales", "demo", "/v1/customers/DEMO-002").exchange().expectStatus().isNotFound();
    }

    @Test
    void searchSortsAndPages() {
        get("admin", "demo", "/v1/customers?query=pharma&size=10").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[*].name").value(names -> assertThat((List<String>) names)
                        .isNotEmpty().allSatisfy(n -> assertThat(n.toLowerCase()).contains("pharma")));
        List<Map<String, Object>> bySize = api.get().uri("/v1/customers?sort=balance&direction=desc&size=5")
                .headers(h -> h.setBasicAuth("admin", "demo")).exchange()
                .expectStatus().isOk()
                .expectBody(Page.class).returnResult().getResponseBody().content();
        List<Double> balances = bySize.stream().map(m -> ((Number) m.get("balance")).doubleValue()).toList();
        assertThat(balances).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    record Page(List<Map<String, Object>> content, int page, int size, long total) {
    }

    @Test
    void itemsOfAnAccountCarryTheStatementFields() {
        get("collector", "demo", "/v1/customers/DEMO-001/items").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].number").isNotEmpty()
                .jsonPath("$[0].type").isEqualTo("INVOICE")
                .jsonPath("$[0].dueDate").isNotEmpty()
                .jsonPath("$[0].openAmount").isNumber()
                .jsonPath("$[0].currency").isEqualTo("EUR")
                .jsonPath("$[0].version").isEqualTo(0);
        get("collector", "demo", "/v1/customers/DEMO-001/items?status=closed").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void badParametersAreProblemDetailsNamingTheField() {
        get("admin", "demo", "/v1/customers?size=9999").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("size").jsonPath("$.status").isEqualTo(400);
        get("admin", "demo", "/v1/customers/DEMO-001/items?status=paid").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("status");
    }

    @Test
    void anotherTenantNeverSeesDemoDataEvenWithTheSameAccountReference() {
        TestTenants.Other other = tenants.create("iso-api");
        get("iso-api-admin", TestTenants.PASSWORD, "/v1/customers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.content[0].name").isEqualTo("Secret Customer of iso-api");
        get("iso-api-admin", TestTenants.PASSWORD, "/v1/customers/DEMO-001/items").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].number").isEqualTo("INV-1");
        get("iso-api-admin", TestTenants.PASSWORD, "/v1/customers/DEMO-002").exchange().expectStatus().isNotFound();
        // and the demo admin does not see the other tenant's DEMO-001 items
        get("admin", "demo", "/v1/customers/DEMO-001/items").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.number == 'INV-1')]").isEmpty();
        // a collector of the other tenant without assignment sees nothing
        get("iso-api-collector", TestTenants.PASSWORD, "/v1/customers").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        assertThat(other.tenantId()).isNotEqualTo(1L);
    }

    @Test
    void unauthenticatedAndWrongPasswordGet401Problems() {
        api.get().uri("/v1/customers").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("admin", "wrong", "/v1/customers").exchange().expectStatus().isUnauthorized();
    }
}
