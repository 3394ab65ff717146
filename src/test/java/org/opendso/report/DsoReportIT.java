package org.opendso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/**
 * Countback and simple DSO, best possible DSO, ADD and CEI on a hand-computed book (decision 0021), as of the fixed
 * 2026-03-10: December and January of 31 days, February of 28, March so far 10 days.
 * <pre>
 * D1 issued 2025-12-10 due 2026-01-09  3100, received in full 2026-01-20
 * J1 issued 2026-01-10 due 2026-02-09  3100, received 1550 on 2026-02-25, 1550 open
 * F1 issued 2026-02-05 due 2026-03-07  2800 open;  F2 issued 2026-02-20 due 2026-03-22  2800 open
 * M1 issued 2026-03-02 due 2026-04-01  1000 open
 * sales: Dec 3100, Jan 3100, Feb 5600, Mar 1000
 * receivables (total / current): Dec 31 3100/3100, Jan 31 3100/3100, Feb 28 7150/5600, today 8150/3800
 * countback: Dec 31 × 3100/3100 = 31.0; Jan 31.0; Feb 28 + 31 × 1550/3100 = 43.5; Mar 10 + 28 + 15.5 = 53.5
 * simple: Feb 7150 × 28 / 5600 = 35.75 → 35.8, best 5600 × 28 / 5600 = 28.0, ADD 7.8;
 *         Mar 8150 × 10 / 1000 = 81.5, best 3800 × 10 / 1000 = 38.0, ADD 43.5
 * CEI: Jan (3100 + 3100 − 3100) / (3100 + 3100 − 3100) = 100.0; Feb (3100 + 5600 − 7150) / (3100 + 5600 − 5600) = 50.0;
 *      Mar (7150 + 1000 − 8150) / (7150 + 1000 − 3800) = 0.0; Dec: nothing to collect, null
 * </pre>
 */
@IntegrationTest
@Import({TestTenants.class, ReportFixture.class, ReportFixture.Card.class, AlertFixture.FixedClock.class})
class DsoReportIT {

    @Autowired DsoReport dso;
    @Autowired FinanceDashboard dashboard;
    @Autowired ReportFigures figures;
    @Autowired ReportFixture fx;
    @Autowired TestTenants tenants;

    TestTenants.Other other;

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @BeforeEach
    void book() {
        other = tenants.create("dso-" + System.nanoTime());
        fx.empty(other.tenantId());
        long t = other.tenantId();
        long c = fx.customer(t, "DSO-1", other.collector().userId(), "COLLECTOR");
        long d1 = fx.invoice(t, c, "D1", d("2025-12-10"), d("2026-01-09"), "3100");
        fx.receive(d1, "3100", d("2026-01-20"));
        long j1 = fx.invoice(t, c, "J1", d("2026-01-10"), d("2026-02-09"), "3100");
        fx.receive(j1, "1550", d("2026-02-25"));
        fx.invoice(t, c, "F1", d("2026-02-05"), d("2026-03-07"), "2800");
        fx.invoice(t, c, "F2", d("2026-02-20"), d("2026-03-22"), "2800");
        fx.invoice(t, c, "M1", d("2026-03-02"), d("2026-04-01"), "1000");
        figures.buildMonths(t).block();
    }

    void expectTheHandComputedFigures(Staff staff) {
        dso.of(staff, ReportFilter.ALL, 10).as(StepVerifier::create).assertNext(r -> {
            List<DsoMonth> months = r.months();
            assertThat(months).hasSize(12);
            DsoMonth dec = months.get(8);
            DsoMonth jan = months.get(9);
            DsoMonth feb = months.get(10);
            DsoMonth mar = months.get(11);
            assertThat(mar.month()).isEqualTo(d("2026-03-01"));
            assertThat(mar.partial()).isTrue();
            assertThat(mar.days()).isEqualTo(10);
            assertThat(feb.days()).isEqualTo(28);

            assertThat(dec.receivables()).isEqualByComparingTo("3100");
            assertThat(jan.receivables()).isEqualByComparingTo("3100");
            assertThat(feb.receivables()).isEqualByComparingTo("7150");
            assertThat(feb.current()).isEqualByComparingTo("5600");
            assertThat(mar.receivables()).isEqualByComparingTo("8150");
            assertThat(mar.current()).isEqualByComparingTo("3800");
            assertThat(feb.sales()).isEqualByComparingTo("5600");
            assertThat(mar.sales()).isEqualByComparingTo("1000");

            assertThat(dec.countback()).isEqualByComparingTo("31.0");
            assertThat(jan.countback()).isEqualByComparingTo("31.0");
            assertThat(feb.countback()).isEqualByComparingTo("43.5");
            assertThat(mar.countback()).isEqualByComparingTo("53.5");

            assertThat(feb.simple()).isEqualByComparingTo("35.8");
            assertThat(feb.bestPossible()).isEqualByComparingTo("28.0");
            assertThat(feb.averageDaysDelinquent()).isEqualByComparingTo("7.8");
            assertThat(mar.simple()).isEqualByComparingTo("81.5");
            assertThat(mar.bestPossible()).isEqualByComparingTo("38.0");
            assertThat(mar.averageDaysDelinquent()).isEqualByComparingTo("43.5");
            assertThat(jan.averageDaysDelinquent()).isEqualByComparingTo("0.0");

            assertThat(dec.cei()).isNull();
            assertThat(jan.cei()).isEqualByComparingTo("100.0");
            assertThat(feb.cei()).isEqualByComparingTo("50.0");
            assertThat(mar.cei()).isEqualByComparingTo("0.0");

            // no sales before December: nothing to count back
            assertThat(months.get(0).countback()).isEqualByComparingTo("0.0");
            assertThat(months.get(0).simple()).isNull();

            assertThat(r.customers()).singleElement().satisfies(c -> {
                assertThat(c.account()).isEqualTo("DSO-1");
                assertThat(c.receivables()).isEqualByComparingTo("8150");
                assertThat(c.countback()).isEqualByComparingTo("53.5");
                assertThat(c.simple()).isEqualByComparingTo("81.5");
            });
        }).verifyComplete();
        // the dashboard's DSO is the same countback, and its balance the same receivables
        dashboard.of(staff, ReportFilter.ALL).as(StepVerifier::create).assertNext(d -> {
            assertThat(d.dso()).isEqualByComparingTo("53.5");
            assertThat(d.balance()).isEqualByComparingTo("8150");
            // overdue 1550 + 2800 of 8150 open invoices
            assertThat(d.overduePercent()).isEqualByComparingTo("53.4");
        }).verifyComplete();
    }

    @Test
    void theWholeCompanyReadsItsTotalRowsAndGetsTheHandComputedFigures() {
        expectTheHandComputedFigures(other.admin());
    }

    @Test
    void aCollectorReadsTheRowsOfTheirAccountsAndGetsTheSameFigures() {
        expectTheHandComputedFigures(other.collector());
    }

    @Test
    void anAccountTheCollectorDoesNotSeeCountsForTheAdministratorOnly() {
        long hidden = fx.customer(other.tenantId(), "DSO-2", null, null);
        fx.invoice(other.tenantId(), hidden, "H1", d("2026-03-05"), d("2026-04-04"), "1000");
        dso.of(other.collector(), ReportFilter.ALL, 10).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.latest().sales()).isEqualByComparingTo("1000"))
                .verifyComplete();
        dso.of(other.admin(), ReportFilter.ALL, 10).as(StepVerifier::create)
                .assertNext(r -> {
                    assertThat(r.latest().sales()).isEqualByComparingTo("2000");
                    assertThat(r.latest().receivables()).isEqualByComparingTo("9150");
                    assertThat(r.customers()).extracting(CustomerDso::account).containsExactly("DSO-1", "DSO-2");
                })
                .verifyComplete();
    }
}
