package org.opendso.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.forecast.ForecastFixture;
import org.opendso.item.AccountBalances;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The risk grade rule on hand-computed accounts (D = today):
 * <ul>
 * <li>P: limit 1,000, owes 1,200 all overdue: utilisation 120 % (3 points), overdue 100 % (3); paid 1,000 ten days
 * late six months ago and 1,000 forty days late this month: 12 months (10×1000 + 40×1000) / 2000 = 25 days (2),
 * 3 months 40 days, trend +15 ≥ 5: worsening (2). 10 points: E.</li>
 * <li>Q: limit 10,000, owes 1,000 not due, paid 1,000 on time: 0 points, A.</li>
 * <li>R: no limit, owes 500 of which 150 overdue (30 %: 2 points), never paid: B.</li>
 * <li>S: limit 0 and owes 100 not due: over its limit (3 points): B.</li>
 * <li>T: no limit, owes nothing: not listed.</li>
 * </ul>
 */
@IntegrationTest
class CreditRiskIT {

    @Autowired
    TestTenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    CreditRisk risk;
    @Autowired
    AccountBalances balances;
    @Autowired
    org.opendso.forecast.Forecasts forecasts;

    TestTenants.Other other;
    long q;

    @BeforeEach
    void accounts() {
        other = tenants.create("rk" + System.nanoTime());
        db.sql("delete from open_item where tenant_id = :t").bind("t", other.tenantId()).then().block();
        ForecastFixture f = new ForecastFixture(db, other.tenantId());
        LocalDate d = LocalDate.now();
        long p = f.customer("P");
        q = f.customer("Q");
        long r = f.customer("R");
        long s = f.customer("S");
        long t = f.customer("T");
        limit(p, "1000");
        limit(q, "10000");
        limit(s, "0");
        f.invoice(p, "P1", d.minusDays(40), "1200");
        LocalDate sixMonthsAgo = d.withDayOfMonth(1).minusMonths(6).plusDays(14);
        f.paid(p, "P0", sixMonthsAgo.minusDays(10), sixMonthsAgo, "1000");
        f.paid(p, "P2", d.minusDays(40), d, "1000");
        f.invoice(q, "Q1", d.plusDays(10), "1000");
        f.paid(q, "Q0", d, d, "1000");
        f.invoice(r, "R1", d.minusDays(5), "150");
        f.invoice(r, "R2", d.plusDays(5), "350");
        f.invoice(s, "S1", d.plusDays(5), "100");
        balances.refresh(other.tenantId(), List.of(p, q, r, s, t)).block();
        // the items, receipts, balances and limits marked these accounts: their standing is computed now
        forecasts.refresh(other.tenantId()).block();
    }

    private void limit(long customer, String amount) {
        db.sql("update customer set credit_limit = :l where id = :c").bind("l", new BigDecimal(amount))
                .bind("c", customer).then().block();
    }

    @Test
    void eachAccountIsGradedByTheRuleRiskiestFirst() {
        List<CreditRiskLine> lines = risk.lines(other.admin(), ReportFilter.ALL, CreditRiskList.ALL, 0, 50)
                .collectList().block();
        assertThat(lines).extracting(CreditRiskLine::account).containsExactly("P", "S", "R", "Q");
        CreditRiskLine p = lines.getFirst();
        assertThat(p.exposure()).isEqualByComparingTo("1200");
        assertThat(p.utilisation()).isEqualByComparingTo("120.0");
        assertThat(p.overdueShare()).isEqualByComparingTo("100.0");
        assertThat(p.daysLate12()).isEqualByComparingTo("25.0");
        assertThat(p.daysLate3()).isEqualByComparingTo("40.0");
        assertThat(p.trend()).isEqualByComparingTo("15.0");
        assertThat(p.overLimit()).isTrue();
        assertThat(p.worsening()).isTrue();
        assertThat(p.points()).isEqualTo(10);
        assertThat(p.grade()).isEqualTo("E");

        CreditRiskLine s = lines.get(1);
        assertThat(s.utilisation()).isNull();
        assertThat(s.overLimit()).isTrue();
        assertThat(s.points()).isEqualTo(3);
        assertThat(s.grade()).isEqualTo("B");

        CreditRiskLine r = lines.get(2);
        assertThat(r.creditLimit()).isNull();
        assertThat(r.overdueShare()).isEqualByComparingTo("30.0");
        assertThat(r.daysLate12()).isNull();
        assertThat(r.points()).isEqualTo(2);
        assertThat(r.grade()).isEqualTo("B");

        CreditRiskLine q = lines.get(3);
        assertThat(q.utilisation()).isEqualByComparingTo("10.0");
        assertThat(q.daysLate12()).isEqualByComparingTo("0");
        assertThat(q.worsening()).isFalse();
        assertThat(q.points()).isZero();
        assertThat(q.grade()).isEqualTo("A");
    }

    @Test
    void theSummaryAndTheListsOfCustomersOverLimitOrWorsening() {
        CreditRiskSummary summary = risk.summary(other.admin(), ReportFilter.ALL).block();
        assertThat(summary.customers()).isEqualTo(4);
        assertThat(summary.exposure()).isEqualByComparingTo("2800");
        assertThat(summary.overLimit()).isEqualTo(2);
        assertThat(summary.worsening()).isEqualTo(1);
        assertThat(summary.byGrade()).isEqualTo(Map.of("A", 1L, "B", 2L, "C", 0L, "D", 0L, "E", 1L));
        assertThat(risk.lines(other.admin(), ReportFilter.ALL, CreditRiskList.OVER_LIMIT, 0, 50)
                .map(CreditRiskLine::account).collectList().block()).containsExactly("P", "S");
        assertThat(risk.lines(other.admin(), ReportFilter.ALL, CreditRiskList.WORSENING, 0, 50)
                .map(CreditRiskLine::account).collectList().block()).containsExactly("P");
        assertThat(risk.count(other.admin(), ReportFilter.ALL, CreditRiskList.ATTENTION).block()).isEqualTo(2);
        // the endpoint's one-pass page: same summary, the list's size, its page
        CreditRiskPage page = risk.page(other.admin(), ReportFilter.ALL, CreditRiskList.ATTENTION, 0, 1).block();
        assertThat(page.summary()).isEqualTo(summary);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.lines()).extracting(CreditRiskLine::account).containsExactly("P");
        CreditRiskPage beyond = risk.page(other.admin(), ReportFilter.ALL, CreditRiskList.ALL, 10, 5).block();
        assertThat(beyond.lines()).isEmpty();
        assertThat(beyond.summary().customers()).isEqualTo(4);
        // paging
        assertThat(risk.lines(other.admin(), ReportFilter.ALL, CreditRiskList.ALL, 2, 1)
                .map(CreditRiskLine::account).collectList().block()).containsExactly("R");
    }

    @Test
    void collectorsAndSalesManagersSeeOnlyTheirAccounts() {
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", other.tenantId()).bind("c", q).bind("u", other.collector().userId()).then().block();
        assertThat(risk.lines(other.collector(), ReportFilter.ALL, CreditRiskList.ALL, 0, 50)
                .map(CreditRiskLine::account).collectList().block()).containsExactly("Q");
        assertThat(risk.ofCustomer(other.collector(), q).block().grade()).isEqualTo("A");
        // a new limit is marked by its trigger and the stored standing follows after the refresh
        db.sql("update customer set credit_limit = 500 where id = :c").bind("c", q).then().block();
        forecasts.refresh(other.tenantId()).block();
        CreditRiskLine overNow = risk.lines(other.collector(), ReportFilter.ALL, CreditRiskList.OVER_LIMIT, 0, 5)
                .blockFirst();
        assertThat(overNow.account()).isEqualTo("Q");
        assertThat(overNow.utilisation()).isEqualByComparingTo("200.0");
        assertThat(overNow.grade()).isEqualTo("B");
        // another company's staff see nothing of these accounts
        assertThat(risk.ofCustomer(tenants.demo("admin"), q).blockOptional()).isEmpty();
        assertThat(risk.summary(tenants.demo("sales"), ReportFilter.ALL.withCustomer("P")).block().customers())
                .isZero();
    }
}
