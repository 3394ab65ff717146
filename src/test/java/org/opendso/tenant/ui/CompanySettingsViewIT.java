package org.opendso.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.security.CurrentStaff;
import org.opendso.tenant.Companies;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CompanySettingsViewIT extends ViewTestSupport {

    @Autowired
    Companies companies;

    @Test
    void adminChangesTheCompanySettings() {
        login("admin");
        CompanySettingsView view = navigate(CompanySettingsView.class);
        assertThat(view.name.getValue()).isEqualTo("Demo Industries");
        String city = view.city.getValue();
        test(view.city).setValue("Lyon");
        test(view.penaltyMode).selectItem("A fixed rate");
        view.penaltyRate.setValue(new BigDecimal("11.50"));
        test(view.save).click();
        assertThat(notifications()).contains("Company settings saved");
        var saved = companies.settings(CurrentStaff.require().tenantId()).block();
        assertThat(saved.city()).isEqualTo("Lyon");
        assertThat(saved.penaltyRate()).isEqualByComparingTo("11.5");

        // a second save with the version just saved works; a blank name is refused with its reason
        test(view.name).setValue(" ");
        test(view.save).click();
        assertThat(notifications()).anyMatch(n -> n.contains("The company needs a name"));
        test(view.name).setValue("Demo Industries");
        test(view.city).setValue(city);
        test(view.save).click();
        assertThat(companies.settings(CurrentStaff.require().tenantId()).block().city()).isEqualTo(city);
    }

    @Autowired
    org.opendso.penalty.Penalties penalties;

    @Test
    void adminSwitchesPenaltiesAndChoosesTheRateMode() {
        login("admin");
        long tenant = CurrentStaff.require().tenantId();
        CompanySettingsView view = navigate(CompanySettingsView.class);
        test(view.penaltyMode).selectItem("Statutory (ECB rate + 10 points)");
        test(view.save).click();
        // statutory: the rate shown is the ECB rate of the half-year + 10 points, and it is not the company's to edit
        var terms = penalties.terms(tenant).block();
        assertThat(view.penaltyRate.getValue()).isEqualByComparingTo(terms.annualRatePercent(java.time.LocalDate.now()));
        assertThat(view.penaltyRate.isEnabled()).isFalse();
        assertThat(view.penaltyRate.getHelperText()).startsWith("ECB rate ");

        test(view.penaltyMode).selectItem("A fixed rate");
        assertThat(view.penaltyRate.isEnabled()).isTrue();
        view.penaltyRate.setValue(new BigDecimal("9.5"));
        test(view.penaltiesEnabled).click();
        assertThat(view.penaltyMode.isEnabled()).isFalse();
        test(view.save).click();
        assertThat(notifications()).contains("Company settings saved");
        terms = penalties.terms(tenant).block();
        assertThat(terms.enabled()).isFalse();
        assertThat(terms.mode()).isEqualTo(org.opendso.penalty.PenaltyMode.FIXED);
        assertThat(terms.fixedRatePercent()).isEqualByComparingTo("9.5");

        // a rate over 100 % is refused before anything is saved
        test(view.penaltiesEnabled).click();
        view.penaltyRate.setValue(new BigDecimal("150"));
        test(view.save).click();
        assertThat(notifications()).anyMatch(n -> n.contains("from 0 to 100"));
        assertThat(penalties.terms(tenant).block().enabled()).isFalse();

        // back to the demo company's defaults for the other tests of the run
        view.penaltyRate.setValue(new BigDecimal("12.15"));
        test(view.save).click();
        test(view.penaltyMode).selectItem("Statutory (ECB rate + 10 points)");
        test(view.save).click();
        terms = penalties.terms(tenant).block();
        assertThat(terms.enabled()).isTrue();
        assertThat(terms.mode()).isEqualTo(org.opendso.penalty.PenaltyMode.STATUTORY);
        assertThat(terms.fixedRatePercent()).isEqualByComparingTo("12.15");
    }

    @Test
    void uploadedLogoIsSavedAndPreviewed() {
        login("admin");
        CompanySettingsView view = navigate(CompanySettingsView.class);
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        test($(com.vaadin.flow.component.upload.Upload.class).from(view).single()).upload("logo.png", "image/png", png);
        assertThat(companies.logo(CurrentStaff.require().tenantId()).block().bytes()).isEqualTo(png);
        assertThat($(com.vaadin.flow.component.html.Image.class).from(view.logoPreview).exists()).isTrue();
    }
}
