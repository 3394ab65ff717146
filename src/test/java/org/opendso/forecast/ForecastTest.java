package org.opendso.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days into ISO weeks and months, on a fixed Wednesday 2026-03-11 (week of Monday 9 March). */
class ForecastTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

    @Test
    void moneyFallsIntoItsIsoWeekAndMonthAndWhatIsPastIntoThisWeek() {
        Forecast f = Forecast.of("EUR", TODAY, List.of(
                new Expected(LocalDate.of(2026, 3, 2), false, new BigDecimal("10")),    // past: this week
                new Expected(LocalDate.of(2026, 3, 15), false, new BigDecimal("20")),   // Sunday: this week
                new Expected(LocalDate.of(2026, 3, 16), true, new BigDecimal("30")),    // Monday: next week, at risk
                new Expected(LocalDate.of(2026, 4, 1), false, new BigDecimal("40")),    // week 4, April
                new Expected(LocalDate.of(2026, 6, 7), false, new BigDecimal("50")),    // week 12 (Mon 1 June)
                new Expected(LocalDate.of(2026, 6, 8), false, new BigDecimal("60")),    // week 13: beyond the weeks
                new Expected(LocalDate.of(2026, 8, 31), false, new BigDecimal("70")),   // August: month 5
                new Expected(LocalDate.of(2026, 9, 1), true, new BigDecimal("80"))),    // September: later
                List.of());
        assertThat(f.weeks()).hasSize(13);
        assertThat(f.weeks().getFirst().start()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(f.weeks().get(0).expected()).isEqualByComparingTo("30");
        assertThat(f.weeks().get(1).atRisk()).isEqualByComparingTo("30");
        assertThat(f.weeks().get(3).expected()).isEqualByComparingTo("40");
        assertThat(f.weeks().get(12).start()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(f.weeks().get(12).expected()).isEqualByComparingTo("50");
        assertThat(f.weeks().stream().map(Bucket::expected).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("120");

        assertThat(f.months()).extracting(Bucket::start).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1));
        assertThat(f.months().get(0).expected()).isEqualByComparingTo("30");
        assertThat(f.months().get(0).atRisk()).isEqualByComparingTo("30");
        assertThat(f.months().get(3).expected()).isEqualByComparingTo("110");
        assertThat(f.months().get(5).expected()).isEqualByComparingTo("70");
        assertThat(f.laterAtRisk()).isEqualByComparingTo("80");
        assertThat(f.total()).isEqualByComparingTo("360");
        assertThat(f.atRiskTotal()).isEqualByComparingTo("110");
    }
}
