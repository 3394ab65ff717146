package org.opendso.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * A company's own ECB rates: recorded and deleted by its administrators, used by its statutory penalty at once,
 * invisible to other companies. Each test works in a company of its own: the demo company keeps the published rates.
 */
@IntegrationTest
@Import(TestTenants.class)
class EcbRatesIT {

    @LocalServerPort
    int port;

    @Autowired
    Penalties penalties;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    WebTestClient api() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    WebTestClient.ResponseSpec put(String login, String date, Object body) {
        return api().put().uri("/v1/settings/penalties/ecb-rates/" + date)
                .headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec delete(String login, String date) {
        return api().delete().uri("/v1/settings/penalties/ecb-rates/" + date)
                .headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD)).exchange();
    }

    WebTestClient.ResponseSpec get(String login, String password) {
        return api().get().uri("/v1/settings/penalties/ecb-rates").headers(h -> h.setBasicAuth(login, password)).exchange();
    }

    /** A customer of the company with one invoice of 1,000.00 due on 1 March 2026, unpaid. */
    long lateInvoice(long tenant) {
        long customer = db.sql("insert into customer (tenant_id, account, name) values (:t, 'ECB-001', 'Late Payer') returning id")
                .bind("t", tenant).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (:t, :c, 'INVOICE', 'ECB-INV', '2026-01-30', '2026-03-01', 1000.00, 1000.00, 'EUR')""")
                .bind("t", tenant).bind("c", customer).then().block();
        return customer;
    }

    @Test
    void aRateRecordedFor2026ChangesTheStatutoryPenaltyAsHandComputed() {
        TestTenants.Other other = tenants.create("ecb-svc");
        long customer = lateInvoice(other.tenantId());
        LocalDate today = LocalDate.parse("2026-03-31");
        // published: 2.15 % from 2025-06-11, in force on 1 January 2026 → 12.15 %; 30 days late:
        // 1000 × 12.15 × 30 / 36500 = 9.9863… → 9.99
        penalties.ofAccount(other.tenantId(), customer, today).as(StepVerifier::create)
                .assertNext(p -> assertThat(p.penalty()).isEqualByComparingTo("9.99"))
                .verifyComplete();

        penalties.recordEcbRate(other.admin(), LocalDate.parse("2026-01-01"), new BigDecimal("3.15"), today)
                .as(StepVerifier::create)
                .assertNext(r -> {
                    assertThat(r.ratePercent()).isEqualByComparingTo("3.15");
                    assertThat(r.recordedByCompany()).isTrue();
                    assertThat(r.published()).isNull();
                })
                .verifyComplete();
        // 3.15 + 10 = 13.15 %: 1000 × 13.15 × 30 / 36500 = 10.8082… → 10.81
        penalties.ofAccount(other.tenantId(), customer, today).as(StepVerifier::create)
                .assertNext(p -> assertThat(p.penalty()).isEqualByComparingTo("10.81"))
                .verifyComplete();
        // the second half of 2025 keeps the rate in force on 1 July 2025; 2026's half-years take the new one
        penalties.terms(other.tenantId()).as(StepVerifier::create)
                .assertNext(t -> {
                    assertThat(t.statutoryRatePercent(LocalDate.parse("2025-12-31"))).isEqualByComparingTo("12.15");
                    assertThat(t.statutoryRatePercent(LocalDate.parse("2026-01-01"))).isEqualByComparingTo("13.15");
                    assertThat(t.statutoryRatePercent(LocalDate.parse("2026-08-15"))).isEqualByComparingTo("13.15");
                })
                .verifyComplete();

        // edited, then deleted: the published rate is in force again
        penalties.recordEcbRate(other.admin(), LocalDate.parse("2026-01-01"), new BigDecimal("2.4"), today)
                .then(penalties.ofAccount(other.tenantId(), customer, today))
                .as(StepVerifier::create)
                // 12.4 %: 1000 × 12.4 × 30 / 36500 = 10.1918… → 10.19
                .assertNext(p -> assertThat(p.penalty()).isEqualByComparingTo("10.19"))
                .verifyComplete();
        penalties.deleteEcbRate(other.admin(), LocalDate.parse("2026-01-01"))
                .then(penalties.ofAccount(other.tenantId(), customer, today))
                .as(StepVerifier::create)
                .assertNext(p -> assertThat(p.penalty()).isEqualByComparingTo("9.99"))
                .verifyComplete();

        // the demo company never saw any of it
        penalties.ecbRates(1).collectList().as(StepVerifier::create)
                .assertNext(list -> assertThat(list).hasSize(9).noneMatch(EcbRate::recordedByCompany))
                .verifyComplete();
    }

    @Test
    void aCompanysFigureForAPublishedDateWinsAndDeletingItBringsThePublishedOneBack() {
        TestTenants.Other other = tenants.create("ecb-pub");
        LocalDate published = LocalDate.parse("2025-06-11");
        penalties.recordEcbRate(other.admin(), published, new BigDecimal("2.2"), LocalDate.now())
                .thenMany(penalties.ecbRates(other.tenantId()))
                .collectList()
                .as(StepVerifier::create)
                .assertNext(list -> {
                    assertThat(list).hasSize(9);
                    EcbRate row = list.getLast();
                    assertThat(row.effectiveDate()).isEqualTo(published);
                    assertThat(row.ratePercent()).isEqualByComparingTo("2.2");
                    assertThat(row.published()).isEqualByComparingTo("2.15");
                    assertThat(row.deletable()).isTrue();
                })
                .verifyComplete();
        penalties.deleteEcbRate(other.admin(), published).then(penalties.ecbRates(other.tenantId()).last())
                .as(StepVerifier::create)
                .assertNext(row -> {
                    assertThat(row.ratePercent()).isEqualByComparingTo("2.15");
                    assertThat(row.recordedByCompany()).isFalse();
                })
                .verifyComplete();
        // the published rate itself is reference data, and a date without any rate is unknown
        penalties.deleteEcbRate(other.admin(), published).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(UnknownEcbRate.class).hasMessageContaining("published"));
        penalties.deleteEcbRate(other.admin(), LocalDate.parse("2026-02-02")).as(StepVerifier::create)
                .verifyError(UnknownEcbRate.class);
    }

    @Test
    void onlyAnAdministratorRecordsAndWrongValuesAreRefused() {
        TestTenants.Other other = tenants.create("ecb-rules");
        LocalDate today = LocalDate.now();
        penalties.recordEcbRate(other.collector(), LocalDate.parse("2026-01-01"), BigDecimal.ONE, today)
                .as(StepVerifier::create).verifyError(AccessDeniedException.class);
        penalties.deleteEcbRate(other.collector(), LocalDate.parse("2025-06-11"))
                .as(StepVerifier::create).verifyError(AccessDeniedException.class);
        for (Object[] bad : List.of(
                new Object[] {"1998-12-31", "2", "date"},
                new Object[] {today.plusYears(2).toString(), "2", "date"},
                new Object[] {"2026-01-01", "45", "ratePercent"},
                new Object[] {"2026-01-01", "-11", "ratePercent"},
                new Object[] {"2026-01-01", "2.123456", "ratePercent"})) {
            penalties.recordEcbRate(other.admin(), LocalDate.parse((String) bad[0]), new BigDecimal((String) bad[1]), today)
                    .as(StepVerifier::create)
                    .verifyErrorSatisfies(e -> assertThat(((InvalidPenaltySettings) e).field()).isEqualTo(bad[2]));
        }
        penalties.ecbRates(other.tenantId()).filter(EcbRate::recordedByCompany).count().as(StepVerifier::create)
                .expectNext(0L).verifyComplete();
    }

    @Test
    void theApiListsRecordsAndDeletesTheCompanysRates() {
        TestTenants.Other other = tenants.create("ecb-api");
        TestTenants.Other third = tenants.create("ecb-api3");
        String admin = other.admin().login();
        // the latest half-year start: whatever the published list holds, this rate is the one in force now
        LocalDate today = LocalDate.now();
        LocalDate halfYear = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);

        get(other.collector().login(), TestTenants.PASSWORD).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rates.length()").isEqualTo(9)
                .jsonPath("$.rates[0].date").isEqualTo("2023-09-20")
                .jsonPath("$.rates[8].source").isEqualTo("PUBLISHED")
                .jsonPath("$.statutoryRatePercent").isNotEmpty();

        put(admin, halfYear.toString(), Map.of("ratePercent", 1.9)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.date").isEqualTo(halfYear.toString())
                .jsonPath("$.ratePercent").isEqualTo(1.9)
                .jsonPath("$.source").isEqualTo("COMPANY");
        get(admin, TestTenants.PASSWORD).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rates.length()").isEqualTo(10)
                .jsonPath("$.ecbRateDate").isEqualTo(halfYear.toString())
                .jsonPath("$.ecbRatePercent").isEqualTo(1.9)
                .jsonPath("$.statutoryRatePercent").isEqualTo(11.9);
        // the penalty settings say the same
        api().get().uri("/v1/settings/penalties").headers(h -> h.setBasicAuth(admin, TestTenants.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.statutoryRatePercent").isEqualTo(11.9).jsonPath("$.ecbRatePercent").isEqualTo(1.9);
        // another company: its own list, and our date is not its to delete
        get(third.admin().login(), TestTenants.PASSWORD).expectStatus().isOk()
                .expectBody().jsonPath("$.rates.length()").isEqualTo(9);
        delete(third.admin().login(), halfYear.toString()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("date");

        // others than administrators: 403, whatever they send
        put(other.collector().login(), halfYear.toString(), Map.of("ratePercent", 5)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put(other.collector().login(), "not-a-date", Map.of("ratePercent", 5)).expectStatus().isForbidden();
        delete(other.collector().login(), halfYear.toString()).expectStatus().isForbidden();

        // bad dates and rates: 422 naming the field
        put(admin, "2026-13-01", Map.of("ratePercent", 2)).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("date").jsonPath("$.status").isEqualTo(422);
        put(admin, "1990-01-01", Map.of("ratePercent", 2)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("date");
        put(admin, "2026-01-01", Map.of("ratePercent", 150)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("ratePercent");
        put(admin, "2026-01-01", Map.of("ratePercent", "lots")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("ratePercent");
        put(admin, "2026-01-01", Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("ratePercent");
        delete(admin, "yesterday").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("date");
        delete(admin, "2025-06-11").expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("published"));

        delete(admin, halfYear.toString()).expectStatus().isNoContent();
        get(admin, TestTenants.PASSWORD).expectStatus().isOk()
                .expectBody().jsonPath("$.rates.length()").isEqualTo(9);
        api().get().uri("/v1/settings/penalties/ecb-rates").exchange().expectStatus().isUnauthorized();
    }
}
