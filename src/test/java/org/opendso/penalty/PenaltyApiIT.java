package org.opendso.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
@Import(TestTenants.class)
class PenaltyApiIT {

    /** A customer of the demo company made for these tests, with items of known amounts and due dates. */
    static final String ACCOUNT = "PEN-API-001";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    WebTestClient api;

    @BeforeEach
    void setUp() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        LocalDate today = LocalDate.now();
        Long customer = db.sql("select id from customer where tenant_id = 1 and account = :a").bind("a", ACCOUNT)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        if (customer == null) {
            customer = db.sql("insert into customer (tenant_id, account, name) values (1, :a, 'Penalty Tests SA') returning id")
                    .bind("a", ACCOUNT).map((r, m) -> r.get("id", Long.class)).one().block();
            item(customer, "INVOICE", "PEN-LATE", today.minusDays(30), "1000.00", "1000.00");
            item(customer, "INVOICE", "PEN-PART", today.minusDays(30), "1500.00", "1000.00");
            item(customer, "CREDIT_NOTE", "PEN-CN", today.minusDays(30), "-200.00", "-200.00");
            item(customer, "INVOICE", "PEN-TODAY", today, "500.00", "500.00");
        }
        resetDemoCompany();
    }

    @AfterEach
    void resetDemoCompany() {
        // other tests of the run share the demo company: leave it with the statutory defaults
        db.sql("""
                update tenant set penalties_enabled = true, penalty_rate_mode = 'STATUTORY', penalty_rate = 12.15,
                       recovery_indemnity = 40 where id = 1""").then().block();
    }

    private void item(long customer, String type, String number, LocalDate due, String amount, String open) {
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, :type, :number, :issue, :due, :amount, :open, 'EUR')""")
                .bind("c", customer).bind("type", type).bind("number", number)
                .bind("issue", due.minusDays(30)).bind("due", due)
                .bind("amount", new java.math.BigDecimal(amount)).bind("open", new java.math.BigDecimal(open))
                .then().block();
    }

    WebTestClient.ResponseSpec get(String login, String password, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, password)).exchange();
    }

    WebTestClient.ResponseSpec get(String login, String uri) {
        return get(login, "demo", uri);
    }

    WebTestClient.ResponseSpec put(String login, String password, Object body) {
        return api.put().uri("/v1/settings/penalties").headers(h -> h.setBasicAuth(login, password))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec put(String login, Object body) {
        return put(login, "demo", body);
    }

    @Test
    void everyoneOfTheCompanyReadsTheStatutoryDefault() {
        for (String login : List.of("collector", "sales", "admin")) {
            get(login, "/v1/settings/penalties").expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.enabled").isEqualTo(true)
                    .jsonPath("$.mode").isEqualTo("STATUTORY")
                    .jsonPath("$.fixedIndemnity").isEqualTo(40.0)
                    .jsonPath("$.statutoryMarginPercent").isEqualTo(10)
                    .jsonPath("$.ecbRateDate").isNotEmpty()
                    .jsonPath("$").value(json -> {
                        Map<String, Object> s = (Map<String, Object>) json;
                        double ecb = ((Number) s.get("ecbRatePercent")).doubleValue();
                        assertThat(((Number) s.get("annualRatePercent")).doubleValue()).isEqualTo(ecb + 10);
                    });
        }
        api.get().uri("/v1/settings/penalties").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyAnAdminChangesTheSettings() {
        put("collector", Map.of("enabled", false)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put("sales", Map.of("annualRatePercent", 5)).expectStatus().isForbidden();
        get("collector", "/v1/settings/penalties").expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true).jsonPath("$.mode").isEqualTo("STATUTORY");

        put("admin", Map.of("annualRatePercent", 8, "fixedIndemnity", 50)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mode").isEqualTo("FIXED")
                .jsonPath("$.annualRatePercent").isEqualTo(8.0)
                .jsonPath("$.fixedRatePercent").isEqualTo(8.0)
                .jsonPath("$.fixedIndemnity").isEqualTo(50.0);
        put("admin", Map.of("mode", "statutory")).expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo("STATUTORY").jsonPath("$.fixedRatePercent").isEqualTo(8.0);
    }

    @Test
    void wrongValuesAreProblemsNamingTheField() {
        put("admin", Map.of("annualRatePercent", -1)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("annualRatePercent").jsonPath("$.status").isEqualTo(400);
        put("admin", Map.of("annualRatePercent", 150)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("annualRatePercent");
        put("admin", Map.of("mode", "STATUTORY", "annualRatePercent", 3)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("annualRatePercent")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("FIXED"));
        put("admin", Map.of("fixedIndemnity", -40)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("fixedIndemnity");
        put("admin", Map.of("fixedIndemnity", new java.math.BigDecimal("0.123456"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("fixedIndemnity");
        put("admin", Map.of("mode", "WEEKLY")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("mode");
        Number version = (Number) get("admin", "/v1/settings/penalties").expectBody(Map.class).returnResult()
                .getResponseBody().get("version");
        put("admin", Map.of("enabled", false, "version", version.longValue() - 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("version");
        // nothing of it was saved
        get("admin", "/v1/settings/penalties").expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true).jsonPath("$.mode").isEqualTo("STATUTORY")
                .jsonPath("$.fixedIndemnity").isEqualTo(40.0);
    }

    @Test
    void itemsAndTheCustomerCarryPenaltiesAndIndemnities() {
        // a fixed 12.15 %, so that the hand-computed figures do not depend on the ECB rate of the day
        Map<String, Object> settings = get("admin", "/v1/settings/penalties").expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        put("admin", Map.of("annualRatePercent", 12.15, "mode", "FIXED", "version", settings.get("version")))
                .expectStatus().isOk();

        // 1000 × 12.15 × 30 / 36500 = 9.986… → 9.99 on the late invoice and on the partly paid one (open 1000 of 1500)
        get("admin", "/v1/customers/" + ACCOUNT + "/items").expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.number == 'PEN-LATE')].penalty").isEqualTo(List.of(9.99))
                .jsonPath("$[?(@.number == 'PEN-LATE')].indemnity").isEqualTo(List.of(40.0))
                .jsonPath("$[?(@.number == 'PEN-PART')].penalty").isEqualTo(List.of(9.99))
                .jsonPath("$[?(@.number == 'PEN-PART')].indemnity").isEqualTo(List.of(40.0))
                .jsonPath("$[?(@.number == 'PEN-CN')].penalty").isEqualTo(List.of(0.0))
                .jsonPath("$[?(@.number == 'PEN-CN')].indemnity").isEqualTo(List.of(0.0))
                .jsonPath("$[?(@.number == 'PEN-TODAY')].penalty").isEqualTo(List.of(0.0))
                .jsonPath("$[?(@.number == 'PEN-TODAY')].indemnity").isEqualTo(List.of(0.0));
        get("admin", "/v1/customers/" + ACCOUNT).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.penaltyTotal").isEqualTo(19.98)
                .jsonPath("$.indemnityTotal").isEqualTo(80.0);
        get("admin", "/v1/customers?query=" + ACCOUNT).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].account").isEqualTo(ACCOUNT)
                .jsonPath("$.content[0].penaltyTotal").isEqualTo(19.98)
                .jsonPath("$.content[0].indemnityTotal").isEqualTo(80.0);

        put("admin", Map.of("enabled", false)).expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);
        get("admin", "/v1/customers/" + ACCOUNT + "/items").expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].penalty").isEqualTo(List.of(0.0, 0.0, 0.0, 0.0))
                .jsonPath("$[*].indemnity").isEqualTo(List.of(0.0, 0.0, 0.0, 0.0));
        get("admin", "/v1/customers/" + ACCOUNT).expectStatus().isOk()
                .expectBody().jsonPath("$.penaltyTotal").isEqualTo(0.0).jsonPath("$.indemnityTotal").isEqualTo(0.0);
        get("admin", "/v1/customers?query=" + ACCOUNT).expectStatus().isOk()
                .expectBody().jsonPath("$.content[0].penaltyTotal").isEqualTo(0.0);
    }

    @Test
    void anotherCompanysSettingsAreItsOwn() {
        TestTenants.Other other = tenants.create("pen-iso");
        put(other.admin().login(), TestTenants.PASSWORD, Map.of("enabled", false, "annualRatePercent", 5, "fixedIndemnity", 0))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false).jsonPath("$.mode").isEqualTo("FIXED");
        get(other.collector().login(), TestTenants.PASSWORD, "/v1/settings/penalties").expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false).jsonPath("$.annualRatePercent").isEqualTo(5.0);
        get(other.admin().login(), TestTenants.PASSWORD, "/v1/customers/DEMO-001/items").expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.number == 'INV-1')].penalty").isEqualTo(List.of(0.0));

        get("admin", "/v1/settings/penalties").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.enabled").isEqualTo(true)
                .jsonPath("$.mode").isEqualTo("STATUTORY")
                .jsonPath("$.fixedIndemnity").isEqualTo(40.0);
        // and ours still charges on the same account reference
        get("admin", "/v1/customers/" + ACCOUNT + "/items").expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.number == 'PEN-LATE')].indemnity").isEqualTo(List.of(40.0));
    }
}
