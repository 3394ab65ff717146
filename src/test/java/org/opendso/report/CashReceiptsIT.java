package org.opendso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.forecast.ForecastFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Receipts on time vs late, hand-computed (D = today). A: 100 due D-10 received D-12 (on time, 2 days early),
 * 300 due D-10 received D-5 (late, 5 days); B: 200 due D-3 received D-3 (on time) and a credit note of 50
 * consumed the same day (a negative receipt: net 150); and an old receipt of A outside the span.
 */
@IntegrationTest
class CashReceiptsIT {

    @Autowired
    TestTenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    CashReceipts receipts;

    TestTenants.Other other;
    LocalDate d;
    long b;

    @BeforeEach
    void receipts() {
        other = tenants.create("cr" + System.nanoTime());
        ForecastFixture f = new ForecastFixture(db, other.tenantId());
        d = LocalDate.now();
        long a = f.customer("A");
        b = f.customer("B");
        f.paid(a, "A1", d.minusDays(10), d.minusDays(12), "100");
        f.paid(a, "A2", d.minusDays(10), d.minusDays(5), "300");
        f.paid(a, "A0", d.minusDays(120), d.minusDays(100), "1000");
        f.paid(b, "B1", d.minusDays(3), d.minusDays(3), "200");
        long note = f.item(b, "CREDIT_NOTE", "BC1", d.minusDays(3), "-50");
        db.sql("""
                insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                values (:t, :c, :i, -50, :r, :r)""")
                .bind("t", other.tenantId()).bind("c", b).bind("i", note).bind("r", d.minusDays(3)).then().block();
    }

    @Test
    void perDayOnTimeAndLateAndPerCustomer() {
        CashReceiptsReport r = receipts.of(other.admin(), ReportFilter.ALL, CashReceiptsPeriod.DAY, d.minusDays(12), d)
                .block();
        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.periods()).hasSize(13);
        assertThat(r.periods().getFirst().start()).isEqualTo(d.minusDays(12));
        assertThat(r.periods().get(0).onTime()).isEqualByComparingTo("100");
        assertThat(r.periods().get(7).late()).isEqualByComparingTo("300");       // D-5
        assertThat(r.periods().get(9).onTime()).isEqualByComparingTo("150");     // D-3, net of the credit note
        assertThat(r.onTime()).isEqualByComparingTo("250");
        assertThat(r.late()).isEqualByComparingTo("300");
        assertThat(r.onTimeShare()).isEqualByComparingTo("45.5");                // 250 / 550
        assertThat(r.customerCount()).isEqualTo(2);
        assertThat(r.customers()).extracting(CashReceiptsReport.Customer::account).containsExactly("A", "B");
        CashReceiptsReport.Customer a = r.customers().getFirst();
        assertThat(a.total()).isEqualByComparingTo("400");
        // (100 × -2 + 300 × 5) / 400 = 3.25, rounded to one decimal
        assertThat(a.averageDaysLate()).isEqualByComparingTo("3.3");
        assertThat(r.customers().get(1).averageDaysLate()).isEqualByComparingTo("0");
    }

    @Test
    void perWeekAndMonthTheSameMoneyIsGrouped() {
        CashReceiptsReport weeks = receipts.of(other.admin(), ReportFilter.ALL, CashReceiptsPeriod.WEEK,
                d.minusDays(12), d).block();
        assertThat(weeks.total()).isEqualByComparingTo("550");
        assertThat(weeks.periods()).allMatch(p -> p.start().getDayOfWeek() == java.time.DayOfWeek.MONDAY);
        CashReceiptsReport months = receipts.of(other.admin(), ReportFilter.ALL, CashReceiptsPeriod.MONTH,
                d.minusDays(200), d).block();
        assertThat(months.total()).isEqualByComparingTo("1550");
        assertThat(months.late()).isEqualByComparingTo("1300");
    }

    @Test
    void aCollectorSeesOnlyTheirAccountsAndAnotherCurrencyIsApart() {
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", other.tenantId()).bind("c", b).bind("u", other.collector().userId()).then().block();
        CashReceiptsReport mine = receipts.of(other.collector(), ReportFilter.ALL, CashReceiptsPeriod.DAY,
                d.minusDays(12), d).block();
        assertThat(mine.total()).isEqualByComparingTo("150");
        assertThat(mine.customers()).extracting(CashReceiptsReport.Customer::account).containsExactly("B");
        CashReceiptsReport usd = receipts.of(other.admin(), ReportFilter.ALL.withCurrency("USD"),
                CashReceiptsPeriod.DAY, d.minusDays(12), d).block();
        assertThat(usd.total()).isEqualByComparingTo(BigDecimal.ZERO);
        // the demo company's receipts are not in the other company's report, nor the other way round
        CashReceiptsReport demo = receipts.of(tenants.demo("admin"), ReportFilter.ALL.withCustomer("A"),
                CashReceiptsPeriod.DAY, d.minusDays(12), d).block();
        assertThat(demo.total()).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
