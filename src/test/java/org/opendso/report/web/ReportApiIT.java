package org.opendso.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.report.ReportFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture;
import org.opendso.report.ReportFixture;
import org.opendso.security.Role;
import org.opendso.user.NewStaffUser;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The report endpoints over HTTP, for a company of its own: shapes, filters, CSV, problems and roles. */
@IntegrationTest
@Import({TestTenants.class, ReportFixture.class, ReportFixture.Card.class, AlertFixture.FixedClock.class})
class ReportApiIT {

    @LocalServerPort int port;
    @Autowired TestTenants tenants;
    @Autowired ReportFixture fx;
    @Autowired Users users;

    WebTestClient api;
    TestTenants.Other other;
    String sales;

    @BeforeEach
    void setUp() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        other = tenants.create("rapi-" + System.nanoTime());
        fx.empty(other.tenantId());
        long t = other.tenantId();
        long mine = fx.customer(t, "RA-1", other.collector().userId(), "COLLECTOR");
        fx.invoice(t, mine, "RA-I1", TODAY.minusDays(40), TODAY.minusDays(10), "250.50");
        fx.invoice(t, mine, "RA-I2", TODAY.minusDays(10), TODAY.plusDays(20), "100");
        fx.item(t, mine, "CREDIT_NOTE", "RA-C1", TODAY.minusDays(5), TODAY.minusDays(5), "-20", "-20", "EUR");
        long hidden = fx.customer(t, "RA-2", null, null);
        fx.invoice(t, hidden, "RA-H1", TODAY.minusDays(200), TODAY.minusDays(120), "1000");
        sales = "rapi-sales-" + System.nanoTime();
        users.bootstrap(t, new NewStaffUser(sales, "Sales " + sales, "", Role.SALES_MANAGER, "en", TestTenants.PASSWORD))
                .block();
    }

    WebTestClient.RequestHeadersSpec<?> get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD));
    }

    @Test
    void agingHasTheDocumentedShapeAndTheCallerSeesTheirAccountsOnly() {
        get(other.collector().login(), "/v1/reports/aging?currency=EUR&customer=").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.notDue").isEqualTo(100.0)
                .jsonPath("$.d1_30").isEqualTo(250.5)
                .jsonPath("$.d31_60").isEqualTo(0.0)
                .jsonPath("$.d61_90").isEqualTo(0.0)
                .jsonPath("$.over90").isEqualTo(0.0)
                .jsonPath("$.credits").isEqualTo(-20.0)
                .jsonPath("$.balance").isEqualTo(330.5)
                .jsonPath("$.customers[*].account").isEqualTo(List.of("RA-1"))
                .jsonPath("$.customers[0].balance").isEqualTo(330.5)
                .jsonPath("$.customers[0].credits").isEqualTo(-20.0);
        get(other.admin().login(), "/v1/reports/aging").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.over90").isEqualTo(1000.0)
                .jsonPath("$.customers[*].account").isEqualTo(List.of("RA-2", "RA-1"));
    }

    @Test
    void unknownFilterValuesAreProblemsNamingTheParameter() {
        for (String[] c : new String[][] {{"collector", "nobody"}, {"salesManager", other.collector().login()},
                {"scenario", "No such scenario"}, {"currency", "XYZ"}, {"customer", "RA-404"}}) {
            get(other.admin().login(), "/v1/reports/dso?" + c[0] + "=" + c[1].replace(" ", "%20")).exchange()
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo(c[0]);
        }
        // an account the collector may not see is unknown to them
        get(other.collector().login(), "/v1/reports/aging?customer=RA-2").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("customer");
        get(other.admin().login(), "/v1/reports/aging?customer=ra-2&collector=" + other.collector().login()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.balance").isEqualTo(0.0);
        get(other.admin().login(), "/v1/reports/aging?limit=-1").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("limit");
    }

    @Test
    void everyReportAnswersCsvForTheAcceptHeaderAndAtItsCsvAddress() {
        String byHeader = get(other.admin().login(), "/v1/reports/aging").accept(MediaType.parseMediaType("text/csv"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(byHeader.lines().toList()).containsExactly(
                "account,name,currency,notDue,d1_30,d31_60,d61_90,over90,credits,balance,overduePercent",
                "RA-2,Customer RA-2,EUR,0.00,0.00,0.00,0.00,1000.00,0.00,1000.00,100.0",
                "RA-1,Customer RA-1,EUR,100.00,250.50,0.00,0.00,0.00,-20.00,330.50,71.5",
                "TOTAL,,EUR,100.00,250.50,0.00,0.00,1000.00,-20.00,1330.50,92.6");
        for (String report : List.of("items-status", "dso", "disputes")) {
            String csv = get(other.admin().login(), "/v1/reports/" + report + ".csv").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(csv.lines().findFirst().orElseThrow()).as(report).contains("currency");
        }
        String dashboard = get(other.admin().login(), "/v1/dashboard.csv").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(dashboard.lines().toList()).hasSize(2);
    }

    @Test
    void theDashboardIsForAdministratorsAndCollectorsNotSalesManagers() {
        get(other.admin().login(), "/v1/dashboard").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.balance").isEqualTo(1330.5)
                .jsonPath("$.overduePercent").isEqualTo(92.6)
                .jsonPath("$.qualificationRate").isEqualTo(0.0)
                .jsonPath("$.openAlerts").isEqualTo(0);
        get(other.collector().login(), "/v1/dashboard").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.balance").isEqualTo(330.5);
        get(sales, "/v1/dashboard").exchange().expectStatus().isForbidden();
        // the sales manager reads the reports of their accounts: none assigned, nothing
        get(sales, "/v1/reports/items-status").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.statuses").isEmpty();
        get(sales, "/v1/reports/disputes").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.lines").isEmpty();
        api.get().uri("/v1/reports/aging").exchange().expectStatus().isUnauthorized();
    }
}
