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
