package org.opendso.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.report.ReportFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * The forecast formula on hand-computed fixtures, against the real database. Customer A paid 1,000 ten days late
 * and 3,000 two days late: (10×1000 + 2×3000) / 4000 = 4 days. C paid 1,000 21 days late: 21 days. The company:
 * (16,000 + 21,000) / 5,000 = 7.4, rounded 7 days, for B, which never paid. Days are offsets from today.
 */
@IntegrationTest
class ForecastIT {

    @Autowired
    TestTenants tenants;
    @Autowired
    DatabaseClient db;
    @Autowired
    Forecasts forecasts;

    TestTenants.Other other;
    ForecastFixture f;
    LocalDate today;
    long a;
    long b;
    long c;
    long b1;

    @BeforeEach
    void book() {
        other = tenants.create("fc" + System.nanoTime());
        db.sql("delete from open_item where tenant_id = :t").bind("t", other.tenantId()).then().block();
        f = new ForecastFixture(db, other.tenantId());
        today = forecasts.today();
        a = f.customer("A");
        b = f.customer("B");
        c = f.customer("C");
        f.paid(a, "PA1", today.minusDays(40), today.minusDays(30), "1000");
        f.paid(a, "PA2", today.minusDays(40), today.minusDays(38), "3000");
        f.paid(c, "PC1", today.minusDays(60), today.minusDays(39), "1000");

        f.invoice(a, "A1", today.plusDays(5), "500");
        f.invoice(a, "A2", today.minusDays(20), "200");
        long a3 = f.invoice(a, "A3", today.minusDays(50), "400");
        f.status(a3, "PROMISE_TO_PAY", today.plusDays(3));
        f.item(a, "CREDIT_NOTE", "AC1", today.plusDays(1), "-100");
        b1 = f.invoice(b, "B1", today.plusDays(1), "300");
        long b2 = f.invoice(b, "B2", today.plusDays(2), "250");
        f.status(b2, "PRICE_DISPUTE", today.plusDays(14));
        f.invoice(c, "C1", today.minusDays(10), "1000");
        f.invoice(c, "C2", today.minusDays(30), "900");
        f.invoice(c, "C3", today.minusDays(40), "100");
    }

    @Test
    void eachInvoiceIsExpectedPerItsCustomersBehaviourOrPromise() {
        forecasts.rebuild(other.tenantId(), today).block();

        assertThat(expected(a)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "0", new BigDecimal("200.0000"),     // A2: due -20 + 4 = -16, late beyond habit: 1 week, from today
                "3", new BigDecimal("400.0000"),     // A3: promised for +3 (its due date no longer counts)
                "9", new BigDecimal("500.0000")));   // A1: due +5 + 4
        assertThat(expected(b)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "8", new BigDecimal("300.0000"),     // B1: due +1 + the company's 7
                "9 at risk", new BigDecimal("250.0000")));  // B2: disputed, due +2 + 7
        assertThat(expected(c)).containsExactlyInAnyOrderEntriesOf(Map.of(
                // C2 (due -30 + 21 = -9) and C3 (-40 + 21 = -19), spread over ceil(21 / 7) = 3 weeks
                "0", new BigDecimal("333.3333"),     // 900 / 3 + 33.3333
                "7", new BigDecimal("333.3333"),
                "11", new BigDecimal("1000.0000"),   // C1: due -10 + 21
                "14", new BigDecimal("333.3334")));  // the last part takes the rounding: 100 - 2 × 33.3333
        assertThat(totals()).isEqualTo(sums());
    }

    @Test
    void aPromiseReplacesTheBehaviourAfterTheIncrementalRefresh() {
        forecasts.rebuild(other.tenantId(), today).block();
        f.status(b1, "PROMISE_TO_PAY", today.plusDays(20));

        forecasts.refresh(other.tenantId()).as(StepVerifier::create).expectNext(1).verifyComplete();

        assertThat(expected(b)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "20", new BigDecimal("300.0000"), "9 at risk", new BigDecimal("250.0000")));
        assertThat(totals()).isEqualTo(sums());
        // nothing marked since: nothing to do
        forecasts.refresh(other.tenantId()).as(StepVerifier::create).expectNext(0).verifyComplete();
    }

    @Test
    void aPaymentMovesTheCustomersDelayAndClosesTheItem() {
        forecasts.rebuild(other.tenantId(), today).block();
        // B pays B1 today, 1 day early: B's own delay is now -1 (no longer the company's), B2 moves to +1
        db.sql("update open_item set open_amount = 0, closed_at = now() where id = :i").bind("i", b1).then().block();
        db.sql("""
                insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date)
                values (:t, :c, :i, 300, :r, :d)""")
                .bind("t", other.tenantId()).bind("c", b).bind("i", b1).bind("r", today).bind("d", today.plusDays(1))
                .then().block();

        forecasts.refresh(other.tenantId()).block();

        assertThat(expected(b)).containsExactlyInAnyOrderEntriesOf(Map.of("1 at risk", new BigDecimal("250.0000")));
        assertThat(totals()).isEqualTo(sums());
    }

    @Test
    void theWholeBookAndAFilteredViewSumTheSameAccounts() {
        forecasts.rebuild(other.tenantId(), today).block();
        Forecast all = forecasts.read(other.admin(), ReportFilter.ALL, today).block();
        assertThat(all.currency()).isEqualTo("EUR");
        // everything is within 13 weeks: 1,100 (A) + 300 (B) + 2,000 (C) expected, 250 at risk
        assertThat(sum(all.weeks(), false)).isEqualByComparingTo("3400");
        assertThat(sum(all.weeks(), true)).isEqualByComparingTo("250");
        assertThat(all.total()).isEqualByComparingTo("3650");
        assertThat(all.atRiskTotal()).isEqualByComparingTo("250");
        // this week holds what is expected today at least (A2 and C's first parts)
        assertThat(all.weeks().getFirst().expected()).isGreaterThanOrEqualTo(new BigDecimal("533.3333"));

        // the customer filter reads the accounts' rows, not the totals
        Forecast onlyC = forecasts.read(other.admin(), ReportFilter.ALL.withCustomer("c"), today).block();
        assertThat(sum(onlyC.weeks(), false)).isEqualByComparingTo("2000");

        // a collector sees only their accounts: here A
        f.assign(a, other.collector().userId(), "COLLECTOR");
        Forecast mine = forecasts.read(other.collector(), ReportFilter.ALL, today).block();
        assertThat(sum(mine.weeks(), false)).isEqualByComparingTo("1100");
        assertThat(sum(mine.weeks(), true)).isEqualByComparingTo("0");

        // another currency has nothing
        Forecast usd = forecasts.read(other.admin(), ReportFilter.ALL.withCurrency("USD"), today).block();
        assertThat(usd.total()).isEqualByComparingTo("0");
    }

    @Test
    void theWeeksForecastIsStoredOnceAndComparedWithWhatCameIn() {
        forecasts.rebuild(other.tenantId(), today).block();
        LocalDate week = Forecast.weekOf(today);
        BigDecimal stored = db.sql("select amount from forecast_snapshot_total where tenant_id = :t and week_start = :w")
                .bind("t", other.tenantId()).bind("w", week).map((r, m) -> r.get("amount", BigDecimal.class)).one().block();
        BigDecimal thisWeek = sums().entrySet().stream()
                .filter(e -> !e.getKey().contains("risk") && today.plusDays(Long.parseLong(e.getKey())).isBefore(week.plusWeeks(1)))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(stored).isEqualByComparingTo(thisWeek);
        // a second rebuild the same week keeps the first snapshot
        forecasts.rebuild(other.tenantId(), today).block();
        assertThat(db.sql("select count(*) as n from forecast_snapshot_total where tenant_id = :t")
                .bind("t", other.tenantId()).map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(1);

        // a past week: 2,500 forecast; the receipts of that week (A paid 1,000 on day -30... within the 8 weeks)
        LocalDate past = Forecast.weekOf(today.minusDays(30));
        db.sql("insert into forecast_snapshot_week (tenant_id, week_start) values (:t, :w)")
                .bind("t", other.tenantId()).bind("w", past).then().block();
        db.sql("insert into forecast_snapshot_total (tenant_id, week_start, currency, amount) values (:t, :w, 'EUR', 2500)")
                .bind("t", other.tenantId()).bind("w", past).then().block();
        db.sql("insert into forecast_snapshot (tenant_id, week_start, customer_id, currency, amount) values (:t, :w, :c, 'EUR', 2500)")
                .bind("t", other.tenantId()).bind("w", past).bind("c", a).then().block();
        Forecast all = forecasts.read(other.admin(), ReportFilter.ALL, today).block();
        Accuracy shown = all.accuracy().stream().filter(x -> x.weekStart().equals(past)).findFirst().orElseThrow();
        BigDecimal received = Forecast.weekOf(today.minusDays(38)).equals(past) ? new BigDecimal("4000") : new BigDecimal("1000");
        assertThat(shown.forecast()).isEqualByComparingTo("2500");
        assertThat(shown.received()).isEqualByComparingTo(received);
        Forecast filtered = forecasts.read(other.admin(), ReportFilter.ALL.withCustomer("A"), today).block();
        Accuracy forA = filtered.accuracy().stream().filter(x -> x.weekStart().equals(past)).findFirst().orElseThrow();
        assertThat(forA.forecast()).isEqualByComparingTo("2500");
        assertThat(forA.received()).isEqualByComparingTo(received);
        // weeks without a stored forecast say so
        assertThat(all.accuracy()).filteredOn(x -> !x.weekStart().equals(past)).allMatch(x -> x.forecast() == null);
    }

    @Test
    void anotherTenantsForecastIsNotMixedIn() {
        forecasts.rebuild(other.tenantId(), today).block();
        TestTenants.Other third = tenants.create("fx" + System.nanoTime());
        forecasts.rebuild(third.tenantId(), today).block();
        Forecast theirs = forecasts.read(third.admin(), ReportFilter.ALL, today).block();
        // only their own INV-1 (999.99, 30 days late, no history anywhere in that company: spread over 1 week)
        assertThat(theirs.total()).isEqualByComparingTo("999.99");
    }

    private static BigDecimal sum(List<Bucket> buckets, boolean atRisk) {
        return buckets.stream().map(x -> atRisk ? x.atRisk() : x.expected()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The account's expected money by day offset ("9 at risk" for an at-risk row). */
    private Map<String, BigDecimal> expected(long customer) {
        return rows("select expected_on, at_risk, amount from forecast_expected where customer_id = " + customer);
    }

    private Map<String, BigDecimal> totals() {
        return rows("select expected_on, at_risk, amount from forecast_total where tenant_id = " + other.tenantId());
    }

    private Map<String, BigDecimal> sums() {
        return rows("""
                select expected_on, at_risk, sum(amount) as amount from forecast_expected
                where tenant_id = %d group by 1, 2""".formatted(other.tenantId()));
    }

    private Map<String, BigDecimal> rows(String sql) {
        Map<String, BigDecimal> out = new TreeMap<>();
        db.sql(sql).map((r, m) -> Map.entry(
                        (r.get("expected_on", LocalDate.class).toEpochDay() - today.toEpochDay())
                                + (Boolean.TRUE.equals(r.get("at_risk", Boolean.class)) ? " at risk" : ""),
                        r.get("amount", BigDecimal.class)))
                .all().toIterable().forEach(e -> out.merge(e.getKey(), e.getValue(), BigDecimal::add));
        return out;
    }
}
