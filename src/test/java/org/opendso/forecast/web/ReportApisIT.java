package org.opendso.forecast.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The forecast, cash receipts and credit risk endpoints: JSON, CSV, filters and their problems, roles. */
@IntegrationTest
class ReportApisIT {

    @LocalServerPort
    int port;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    private WebTestClient.ResponseSpec get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, "demo")).exchange();
    }

    @Test
    void theForecastAsJsonAndCsv() {
        get("admin", "/v1/reports/forecast").expectStatus().isOk().expectBody()
                .jsonPath("$.currency").isEqualTo("EUR")
                .jsonPath("$.weeks.length()").isEqualTo(13)
                .jsonPath("$.months.length()").isEqualTo(6)
                .jsonPath("$.accuracy.length()").isEqualTo(8)
                .jsonPath("$.total").isNumber();
        String csv = get("collector", "/v1/reports/forecast.csv").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("period,start,currency,expected,at_risk,forecast,received");
        assertThat(csv.lines().filter(l -> l.startsWith("week,"))).hasSize(13);
        String accepted = api.get().uri("/v1/reports/forecast?collector=collector")
                .headers(h -> h.setBasicAuth("admin", "demo")).accept(MediaType.parseMediaType("text/csv"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(accepted).startsWith("period,");
    }

    @Test
    void unknownFilterValuesAre422NamingTheParameter() {
        for (String[] bad : new String[][] {{"collector", "nobody"}, {"salesManager", "collector"},
                {"scenario", "No such scenario"}, {"currency", "XYZ"}, {"customer", "NO-SUCH-ACCOUNT"}}) {
            for (String path : new String[] {"/v1/reports/forecast", "/v1/reports/cash-receipts",
                    "/v1/reports/credit-risk"}) {
                get("admin", path + "?" + bad[0] + "=" + bad[1].replace(" ", "%20")).expectStatus().isEqualTo(422)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.field").isEqualTo(bad[0]);
            }
        }
        get("admin", "/v1/reports/cash-receipts?period=year").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("period");
        get("admin", "/v1/reports/cash-receipts?from=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("from");
        get("admin", "/v1/reports/cash-receipts?from=2026-03-01&to=2026-01-01").expectStatus().isBadRequest();
        get("admin", "/v1/reports/credit-risk?list=some").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("list");
        // an account of the demo company a sales manager does not see is unknown to them
        get("sales", "/v1/reports/forecast?customer=DEMO-002").expectStatus().isEqualTo(422);
        api.get().uri("/v1/reports/forecast").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void cashReceiptsAndCreditRiskAsJsonAndCsv() {
        get("admin", "/v1/reports/cash-receipts?period=day&from=2026-01-01&to=2026-01-31&scenario=1")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.period").isEqualTo("day")
                .jsonPath("$.periods.length()").isEqualTo(31)
                .jsonPath("$.currency").isEqualTo("EUR");
        String csv = get("admin", "/v1/reports/cash-receipts.csv?period=month").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().findFirst()).contains("period_start,currency,on_time,late,total");
        assertThat(csv.lines().count()).isEqualTo(13);
        assertThat(get("admin", "/v1/reports/cash-receipts.csv?by=customer").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).startsWith("account,name,currency");

        get("collector", "/v1/reports/credit-risk?size=5").expectStatus().isOk().expectBody()
                .jsonPath("$.summary.currency").isEqualTo("EUR")
                .jsonPath("$.summary.byGrade.A").isNumber()
                .jsonPath("$.rule.worsening.days").isEqualTo(5)
                .jsonPath("$.size").isEqualTo(5)
                .jsonPath("$.customers.length()").value(n -> assertThat((Integer) n).isLessThanOrEqualTo(5));
        assertThat(get("admin", "/v1/reports/credit-risk.csv?list=attention").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).startsWith("account,name,currency,exposure");
    }
}
