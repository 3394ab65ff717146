package org.opendso.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.report.ReportFixture.TODAY;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/** The aging balance on hand-computed items, as of the fixed {@link ReportFixture#TODAY}, in a company of its own. */
@IntegrationTest
@Import({TestTenants.class, ReportFixture.class, ReportFixture.Card.class, AlertFixture.FixedClock.class})
class AgingReportIT {

    @Autowired AgingReport aging;
    @Autowired ReportFixture fx;
    @Autowired TestTenants tenants;

    TestTenants.Other other;
    long customer;

    @BeforeEach
    void tenant() {
        other = tenants.create("ag-" + System.nanoTime());
        fx.empty(other.tenantId());
        customer = fx.customer(other.tenantId(), "AGE-1", other.collector().userId(), "COLLECTOR");
    }

    /** An invoice {@code days} past due (negative: due later) of that amount. */
    void pastDue(String number, int days, String amount) {
        fx.invoice(other.tenantId(), customer, number, TODAY.minusDays(days + 30L), TODAY.minusDays(days), amount);
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void bucketsHoldInvoicesByDaysPastDueAtEveryBoundaryAndCreditsAreNettedApart() {
        pastDue("D0", 0, "1");        // due today: not due
        pastDue("D30", 30, "2");
        pastDue("D31", 31, "4");
        pastDue("D60", 60, "8");
        pastDue("D61", 61, "16");
        pastDue("D90", 90, "32");
        pastDue("D91", 91, "64");
        pastDue("DM5", -5, "128");    // due in five days
        fx.item(other.tenantId(), customer, "CREDIT_NOTE", "CN1", TODAY.minusDays(10), TODAY.minusDays(100), "-50", "-50", "EUR");
        fx.item(other.tenantId(), customer, "UNALLOCATED_PAYMENT", "PAY1", TODAY.minusDays(3), TODAY.minusDays(3), "-25", "-25", "EUR");
        fx.item(other.tenantId(), customer, "INVOICE", "PAID", TODAY.minusDays(200), TODAY.minusDays(170), "1000", "0", "EUR");
        fx.item(other.tenantId(), customer, "INVOICE", "USD1", TODAY.minusDays(200), TODAY.minusDays(170), "7", "7", "USD");
        // another account, which the collector does not see
        long hidden = fx.customer(other.tenantId(), "AGE-2", null, null);
        fx.invoice(other.tenantId(), hidden, "H1", TODAY.minusDays(60), TODAY.minusDays(45), "500");

        aging.of(other.collector(), ReportFilter.ALL, 10).as(StepVerifier::create).assertNext(a -> {
            assertThat(a.currency()).isEqualTo("EUR");
            AgingFigures t = a.total();
            assertThat(t.notDue()).isEqualByComparingTo("129");
            assertThat(t.d1_30()).isEqualByComparingTo("2");
            assertThat(t.d31_60()).isEqualByComparingTo("12");
            assertThat(t.d61_90()).isEqualByComparingTo("48");
            assertThat(t.over90()).isEqualByComparingTo("64");
            assertThat(t.credits()).isEqualByComparingTo("-75");
            assertThat(t.balance()).isEqualByComparingTo("180");
            // overdue 126 of 255 open invoices
            assertThat(t.overduePercent()).isEqualByComparingTo("49.4");
            assertThat(a.customers()).extracting(CustomerAging::account).containsExactly("AGE-1");
            assertThat(a.accounts()).isEqualTo(1);
        }).verifyComplete();

        // the administrator sees the hidden account too; the customer filter narrows to one
        aging.of(other.admin(), ReportFilter.ALL, 10).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.total().balance()).isEqualByComparingTo("680");
                    assertThat(a.total().d31_60()).isEqualByComparingTo("512");
                    assertThat(a.customers()).extracting(CustomerAging::account).containsExactly("AGE-2", "AGE-1");
                })
                .verifyComplete();
        aging.of(other.admin(), ReportFilter.ALL.withCustomer("age-2"), 10).as(StepVerifier::create)
                .assertNext(a -> assertThat(a.total().balance()).isEqualByComparingTo("500"))
                .verifyComplete();
        aging.of(other.admin(), ReportFilter.ALL.withCurrency("USD"), 10).as(StepVerifier::create)
                .assertNext(a -> assertThat(a.total().over90()).isEqualByComparingTo("7"))
                .verifyComplete();
    }

    @Test
    void aChangeOfItemsShowsAtTheNextReadAndAnotherCompanySeesNothingOfIt() {
        pastDue("C1", 10, "100");
        aging.of(other.admin(), ReportFilter.ALL, 10).as(StepVerifier::create)
                .assertNext(a -> assertThat(a.total().d1_30()).isEqualByComparingTo("100")).verifyComplete();

        pastDue("C2", 45, "40");
        fx.sql("update open_item set open_amount = 60 where tenant_id = :t and number = 'C1'", other.tenantId());
        aging.of(other.admin(), ReportFilter.ALL, 10).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.total().d1_30()).isEqualByComparingTo("60");
                    assertThat(a.total().d31_60()).isEqualByComparingTo("40");
                }).verifyComplete();

        TestTenants.Other stranger = tenants.create("ag2-" + System.nanoTime());
        fx.empty(stranger.tenantId());
        aging.of(stranger.admin(), ReportFilter.ALL, 10).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.total().balance()).isZero();
                    assertThat(a.customers()).isEmpty();
                }).verifyComplete();
    }
}
