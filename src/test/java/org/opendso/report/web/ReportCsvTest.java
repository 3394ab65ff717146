package org.opendso.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.report.AgingBalance;
import org.opendso.report.AgingFigures;
import org.opendso.report.CustomerAging;

/** The CSV exports: a header row, amounts with a dot and two decimals, quoting where a name needs it. */
class ReportCsvTest {

    @Test
    void agingHasAHeaderALinePerAccountAndTheTotal() {
        AgingFigures f = new AgingFigures(new BigDecimal("1234.5"), new BigDecimal("10.0000"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("-4.125"));
        String csv = ReportCsv.aging(new AgingBalance("EUR", f, 1, List.of(new CustomerAging("C-1", "Dupont, Fils", f))));
        assertThat(csv.lines().toList()).containsExactly(
                "account,name,currency,notDue,d1_30,d31_60,d61_90,over90,credits,balance,overduePercent",
                "C-1,\"Dupont, Fils\",EUR,1234.5,10.00,0,0,0,-4.13,1240.38,0.8",
                "TOTAL,,EUR,1234.5,10.00,0,0,0,-4.13,1240.38,0.8");
    }
}
