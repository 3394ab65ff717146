package org.opendso.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import reactor.test.StepVerifier;

@IntegrationTest
@Import(TestTenants.class)
class CompaniesIT {

    @Autowired
    Companies companies;

    @Autowired
    TestTenants tenants;

    @Test
    void newTenantsGetTheFrenchStatutoryPenaltyDefaults() {
        TestTenants.Other other = tenants.create("defaults");
        companies.settings(other.tenantId()).as(StepVerifier::create)
                .assertNext(s -> {
                    assertThat(s.penaltyRate()).isEqualByComparingTo("12.15");
                    assertThat(s.recoveryIndemnity()).isEqualByComparingTo("40");
                    assertThat(s.mainCurrency()).isEqualTo("EUR");
                    assertThat(s.language()).isEqualTo("fr");
                })
                .verifyComplete();
    }

    @Test
    void adminUpdatesOwnTenantWithOptimisticLocking() {
        TestTenants.Other other = tenants.create("settings");
        CompanySettings s = companies.settings(other.tenantId()).block();
        CompanySettings changed = new CompanySettings(s.tenantId(), "Renamed SA", "1 rue X", "75001", "Paris", "France",
                "USD", new BigDecimal("11.5"), new BigDecimal("40"), "en", true, false, s.version());
        companies.update(other.admin(), changed).as(StepVerifier::create)
                .assertNext(saved -> {
                    assertThat(saved.name()).isEqualTo("Renamed SA");
                    assertThat(saved.mainCurrency()).isEqualTo("USD");
                    assertThat(saved.collectorsSeeAll()).isTrue();
                    assertThat(saved.version()).isEqualTo(s.version() + 1);
                })
                .verifyComplete();
        companies.update(other.admin(), changed).as(StepVerifier::create)
                .expectError(OptimisticLockingFailureException.class).verify();
        companies.update(other.collector(), changed).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        CompanySettings bad = new CompanySettings(s.tenantId(), "X", "", "", "", "", "EURO", BigDecimal.ONE,
                BigDecimal.ONE, "en", false, false, s.version() + 1);
        companies.update(other.admin(), bad).as(StepVerifier::create)
                .expectErrorMessage("Unknown currency: EURO").verify();
        // the demo tenant is untouched
        companies.settings(1L).as(StepVerifier::create)
                .assertNext(d -> assertThat(d.name()).isEqualTo("Demo Industries")).verifyComplete();
    }

    @Test
    void collectorsSeeAllSettingWidensACollectorsView(@Autowired org.opendso.customer.Customers customers) {
        TestTenants.Other other = tenants.create("seeall");
        customers.count(other.collector(), org.opendso.customer.CustomerQuery.text(""))
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
        CompanySettings s = companies.settings(other.tenantId()).block();
        companies.update(other.admin(), new CompanySettings(s.tenantId(), s.name(), "", "", "", "", "EUR",
                s.penaltyRate(), s.recoveryIndemnity(), "fr", true, false, s.version())).block();
        customers.count(other.collector(), org.opendso.customer.CustomerQuery.text(""))
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    @Test
    void logoRoundTrip() {
        TestTenants.Other other = tenants.create("logo");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        companies.saveLogo(other.admin(), new Logo(png, "image/png")).as(StepVerifier::create).verifyComplete();
        companies.logo(other.tenantId()).as(StepVerifier::create)
                .assertNext(l -> assertThat(l.bytes()).isEqualTo(png)).verifyComplete();
        companies.settings(other.tenantId()).map(CompanySettings::hasLogo).as(StepVerifier::create).expectNext(true).verifyComplete();
    }
}
