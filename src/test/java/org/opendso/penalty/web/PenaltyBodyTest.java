package org.opendso.penalty.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendso.penalty.EcbRates;
import org.opendso.penalty.PenaltyChange;
import org.opendso.penalty.PenaltyMode;
import org.opendso.penalty.PenaltySettings;
import org.opendso.penalty.PenaltyTerms;
import org.opendso.web.ApiProblem;

/** How a PUT body's {@code annualRatePercent} and {@code mode} become a change of the settings. */
class PenaltyBodyTest {

    static final LocalDate TODAY = LocalDate.parse("2025-09-01");
    static final EcbRates ECB = EcbRates.of(Map.of(LocalDate.parse("2025-06-11"), new BigDecimal("2.15")));
    static final PenaltySettings STATUTORY = new PenaltySettings(
            new PenaltyTerms(true, PenaltyMode.STATUTORY, new BigDecimal("9.00"), new BigDecimal("40"), ECB), 3);

    static PenaltyChange change(BigDecimal rate, String mode) {
        return PenaltyApi.change(new PenaltyApi.PenaltyBody(rate, null, null, mode, null), STATUTORY, TODAY);
    }

    @Test
    void aGetSentBackUnchangedKeepsTheStatutoryMode() {
        PenaltyChange c = change(new BigDecimal("12.1500"), null);
        assertThat(c.mode()).isEqualTo(PenaltyMode.STATUTORY);
        assertThat(c.fixedRatePercent()).isNull();
    }

    @Test
    void anotherRateChoosesAFixedRate() {
        PenaltyChange c = change(new BigDecimal("8"), null);
        assertThat(c.mode()).isEqualTo(PenaltyMode.FIXED);
        assertThat(c.fixedRatePercent()).isEqualByComparingTo("8");
        // the statutory value itself may be chosen as a fixed rate, which then no longer follows the ECB
        assertThat(change(new BigDecimal("12.15"), "fixed").fixedRatePercent()).isEqualByComparingTo("12.15");
    }

    @Test
    void aStatutoryModeWithAnotherRateIsAContradiction() {
        assertThatThrownBy(() -> change(new BigDecimal("8"), "STATUTORY"))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).properties()).containsEntry("field", "annualRatePercent"));
        assertThatThrownBy(() -> change(null, "MONTHLY"))
                .satisfies(e -> assertThat(((ApiProblem) e).properties()).containsEntry("field", "mode"));
        // the mode alone switches back to the statutory rate, keeping the fixed rate for later
        PenaltyChange c = change(null, "statutory");
        assertThat(c.mode()).isEqualTo(PenaltyMode.STATUTORY);
        assertThat(c.fixedRatePercent()).isNull();
    }
}
