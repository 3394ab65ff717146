package org.opendso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.report.DsoFormulas.MonthSales;

/** The formulas of decision 0021 on hand-computed numbers. */
class DsoFormulasTest {

    static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void countbackWalksBackWholeMonthsThenTheLastOneProRata() {
        // 8150 against March so far (10 days, 1000), February (28 days, 5600), January (31 days, 3100)
        List<MonthSales> months = List.of(new MonthSales(10, n("1000")), new MonthSales(28, n("5600")),
                new MonthSales(31, n("3100")));
        assertThat(DsoFormulas.countback(n("8150"), months)).isEqualByComparingTo("53.5");
        // exactly one month of sales: that month's days
        assertThat(DsoFormulas.countback(n("5600"), months.subList(1, 3))).isEqualByComparingTo("28.0");
        // a month without sales adds its days whole
        assertThat(DsoFormulas.countback(n("100"), List.of(new MonthSales(30, BigDecimal.ZERO),
                new MonthSales(31, n("200"))))).isEqualByComparingTo("45.5");
        // receivables beyond every month given: those months' days
        assertThat(DsoFormulas.countback(n("99999"), months)).isEqualByComparingTo("69.0");
        assertThat(DsoFormulas.countback(BigDecimal.ZERO, months)).isEqualByComparingTo("0.0");
        assertThat(DsoFormulas.countback(n("-10"), months)).isEqualByComparingTo("0.0");
    }

    @Test
    void simpleBestPossibleAndCeiWithNullWhenThereIsNothingToDivideBy() {
        assertThat(DsoFormulas.simple(n("7150"), n("5600"), 28)).isEqualByComparingTo("35.8");
        assertThat(DsoFormulas.simple(n("5600"), n("5600"), 28)).isEqualByComparingTo("28.0");
        assertThat(DsoFormulas.simple(n("10"), BigDecimal.ZERO, 28)).isNull();
        assertThat(DsoFormulas.cei(n("3100"), n("5600"), n("7150"), n("5600"))).isEqualByComparingTo("50.0");
        assertThat(DsoFormulas.cei(n("7150"), n("1000"), n("8150"), n("3800"))).isEqualByComparingTo("0.0");
        assertThat(DsoFormulas.cei(BigDecimal.ZERO, n("3100"), n("3100"), n("3100"))).isNull();
    }

    @Test
    void agingSharesAndTheQualificationRate() {
        AgingFigures f = new AgingFigures(n("129"), n("2"), n("12"), n("48"), n("64"), n("-75"));
        assertThat(f.overdue()).isEqualByComparingTo("126");
        assertThat(f.balance()).isEqualByComparingTo("180");
        assertThat(f.overduePercent()).isEqualByComparingTo("49.4");
        assertThat(AgingFigures.ZERO.overduePercent()).isEqualByComparingTo("0.0");
        Qualification q = new Qualification(n("600"), n("100"), 3, 1);
        assertThat(q.rate()).isEqualByComparingTo("16.7");
        assertThat(q.countRate()).isEqualByComparingTo("33.3");
    }
}
