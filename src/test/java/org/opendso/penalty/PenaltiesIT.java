package org.opendso.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import reactor.test.StepVerifier;

/** The service other code calls (sheet, API, templates' #PenaltyAmount / #IndemnityAmount). */
@IntegrationTest
@Import(TestTenants.class)
class PenaltiesIT {

    @Autowired
    Penalties penalties;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    @AfterEach
    void statutoryDefaults() {
        db.sql("update tenant set penalties_enabled = true, penalty_rate_mode = 'STATUTORY', penalty_rate = 12.15, "
                + "recovery_indemnity = 40 where id = 1").then().block();
    }

    @Test
    void theMigrationSeedsThePublishedEcbRatesAndTheStatutoryDefault() {
        penalties.settings(1).as(StepVerifier::create)
                .assertNext(s -> {
                    PenaltyTerms t = s.terms();
                    assertThat(t.enabled()).isTrue();
                    assertThat(t.mode()).isEqualTo(PenaltyMode.STATUTORY);
                    assertThat(t.fixedIndemnity()).isEqualByComparingTo("40");
                    assertThat(t.ecbRates().byEffectiveDate()).hasSize(9);
                    assertThat(t.ecbRates().inForce(LocalDate.parse("2024-01-01")).getValue()).isEqualByComparingTo("4.50");
                    assertThat(t.ecbRates().inForce(LocalDate.parse("2025-07-01")).getValue()).isEqualByComparingTo("2.15");
                    assertThat(t.annualRatePercent(LocalDate.parse("2025-01-15"))).isEqualByComparingTo("13.15");
                })
                .verifyComplete();
    }

    @Test
    void templatesReadTheAccountsPenaltyAndIndemnity() {
        TestTenants.Other other = tenants.create("pen-svc");
        // the other company's INV-1: 999.99 due 30 days ago; at a fixed 12.15 %: 999.99 × 12.15 × 30 / 36500 = 9.9862… → 9.99
        penalties.update(other.admin(), new PenaltyChange(null, PenaltyMode.FIXED, new BigDecimal("12.15"), null, null))
                .as(StepVerifier::create)
                .assertNext(s -> assertThat(s.terms().mode()).isEqualTo(PenaltyMode.FIXED))
                .verifyComplete();
        LocalDate today = LocalDate.now();
        penalties.penaltyAmount(other.tenantId(), other.customerId(), today).as(StepVerifier::create)
                .assertNext(p -> assertThat(p).isEqualByComparingTo("9.99"))
                .verifyComplete();
        penalties.indemnityAmount(other.tenantId(), other.customerId(), today).as(StepVerifier::create)
                .assertNext(i -> assertThat(i).isEqualByComparingTo("40.00"))
                .verifyComplete();
        // the item is not late yet on its due date
        penalties.ofAccount(other.tenantId(), other.customerId(), today.minusDays(30)).as(StepVerifier::create)
                .assertNext(p -> assertThat(p.isNone()).isTrue())
                .verifyComplete();
        // switched off: nothing, and the demo company is untouched
        penalties.update(other.admin(), new PenaltyChange(false, null, null, null, null)).then(
                        penalties.penaltyAmount(other.tenantId(), other.customerId(), today))
                .as(StepVerifier::create)
                .assertNext(p -> assertThat(p).isEqualByComparingTo("0"))
                .verifyComplete();
        penalties.terms(1).as(StepVerifier::create)
                .assertNext(t -> assertThat(t.enabled()).isTrue())
                .verifyComplete();
    }

    @Test
    void onlyAnAdministratorChangesThemAndWrongValuesAreRefused() {
        penalties.update(tenants.demo("collector"), new PenaltyChange(false, null, null, null, null))
                .as(StepVerifier::create)
                .verifyError(AccessDeniedException.class);
        penalties.update(tenants.demo("admin"), new PenaltyChange(null, null, null, new BigDecimal("-1"), null))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidPenaltySettings) e).field()).isEqualTo("fixedIndemnity"));
        penalties.terms(1).as(StepVerifier::create)
                .assertNext(t -> assertThat(t.enabled()).isTrue())
                .verifyComplete();
    }
}
