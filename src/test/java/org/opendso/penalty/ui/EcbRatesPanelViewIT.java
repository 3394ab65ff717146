package org.opendso.penalty.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opendso.TestTenants;
import org.opendso.penalty.EcbRate;
import org.opendso.penalty.Penalties;
import org.opendso.tenant.ui.CompanySettingsView;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The ECB rates grid of the company settings' penalty section, in a company of its own. */
class EcbRatesPanelViewIT extends ViewTestSupport {

    @Autowired
    TestTenants tenants;

    @Autowired
    Penalties penalties;

    @Test
    void theAdministratorRecordsEditsAndDeletesARateAndSeesTheStatutoryRateInForce() {
        TestTenants.Other other = tenants.create("ecb-view");
        login(other.admin().login());
        CompanySettingsView view = navigate(CompanySettingsView.class);
        // the penalty form's rate field (statutory mode: the statutory rate, not editable) comes first
        var penaltyRate = $(com.vaadin.flow.component.textfield.BigDecimalField.class).from(view).first();
        EcbRatesPanel panel = $(EcbRatesPanel.class).first();
        var grid = test(panel.grid);
        assertThat(grid.size()).isEqualTo(9);
        // newest first: the last published rate, not the company's to delete
        assertThat(grid.getRow(0).effectiveDate()).isEqualTo(LocalDate.parse("2025-06-11"));
        assertThat(((Button) grid.getCellComponent(0, "delete")).isVisible()).isFalse();
        BigDecimal before = penalties.terms(other.tenantId()).block().statutoryRatePercent(LocalDate.now());
        assertThat(panel.inForce.getText()).startsWith("Statutory rate in force now: "
                + before.stripTrailingZeros().setScale(2) + " %");

        // the latest half-year start: this rate is the one the statutory rate uses today
        LocalDate today = LocalDate.now();
        LocalDate halfYear = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
        test(panel.date).setValue(halfYear);
        test(panel.rate).setValue(new BigDecimal("1.9"));
        test(panel.record).click();
        assertThat(notifications()).anyMatch(n -> n.startsWith("ECB rate 1.90 % from"));
        assertThat(grid.size()).isEqualTo(10);
        assertThat(grid.getRow(0).effectiveDate()).isEqualTo(halfYear);
        assertThat(grid.getRow(0).recordedByCompany()).isTrue();
        assertThat(panel.inForce.getText()).startsWith("Statutory rate in force now: 11.90 % (ECB rate 1.90 %");
        assertThat(penalties.terms(other.tenantId()).block().statutoryRatePercent(today)).isEqualByComparingTo("11.9");
        // and the penalty form above shows the new statutory rate without a reload
        assertThat(penaltyRate.getValue()).isEqualByComparingTo("11.9");

        // choosing the row puts it in the form; another figure replaces it
        grid.clickRow(0);
        assertThat(panel.date.getValue()).isEqualTo(halfYear);
        test(panel.rate).setValue(new BigDecimal("2.05"));
        test(panel.record).click();
        assertThat(grid.size()).isEqualTo(10);
        assertThat(grid.getRow(0).ratePercent()).isEqualByComparingTo("2.05");

        // a mistyped rate is refused before anything is saved
        test(panel.date).setValue(halfYear);
        test(panel.rate).setValue(new BigDecimal("205"));
        test(panel.record).click();
        assertThat(notifications()).anyMatch(n -> n.contains("from -10 to 30"));
        assertThat(panel.rate.isInvalid()).isTrue();
        assertThat(penalties.ecbRates(other.tenantId()).filter(EcbRate::recordedByCompany).map(EcbRate::ratePercent)
                .collectList().block()).singleElement().satisfies(r -> assertThat(r).isEqualByComparingTo("2.05"));

        // deleted: the published rates alone again
        Button delete = (Button) grid.getCellComponent(0, "delete");
        assertThat(delete.isVisible()).isTrue();
        test(delete).click();
        assertThat(grid.size()).isEqualTo(9);
        assertThat(panel.inForce.getText()).startsWith("Statutory rate in force now: "
                + before.stripTrailingZeros().setScale(2) + " %");
    }
}
