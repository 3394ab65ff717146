package org.opendso.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.report.ReportFixture.TODAY;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/**
 * The items status report and the qualification rate on hand-computed items: overdue X1 100 (a dispute, with a
 * comment), X2 200 (a reminder, no comment), X3 300 (no status); X4 400 not yet due (a promise, with a comment).
 * Qualified overdue: 100 of 600 (16.7 %), 1 item of 3 (33.3 %).
 */
@IntegrationTest
@Import({TestTenants.class, ReportFixture.class, ReportFixture.Card.class, AlertFixture.FixedClock.class})
class ItemsStatusReportIT {

    @Autowired ItemsStatusReport report;
    @Autowired ReportFixture fx;
    @Autowired TestTenants tenants;

    TestTenants.Other other;
    long customer;

    @BeforeEach
    void book() {
        other = tenants.create("st-" + System.nanoTime());
        fx.empty(other.tenantId());
        long t = other.tenantId();
        customer = fx.customer(t, "ST-1", other.collector().userId(), "COLLECTOR");
        long x1 = fx.invoice(t, customer, "X1", TODAY.minusDays(40), TODAY.minusDays(10), "100");
        long x2 = fx.invoice(t, customer, "X2", TODAY.minusDays(40), TODAY.minusDays(10), "200");
        fx.invoice(t, customer, "X3", TODAY.minusDays(40), TODAY.minusDays(10), "300");
        long x4 = fx.invoice(t, customer, "X4", TODAY.minusDays(10), TODAY.plusDays(20), "400");
        fx.status(t, x1, "PRICE_DISPUTE", TODAY.minusDays(5), "Wrong unit price");
        fx.status(t, x2, "REMINDER_SENT", TODAY.minusDays(5), "  ");
        fx.status(t, x4, "PROMISE_TO_PAY", TODAY.plusDays(20), "Will pay on the due date");
    }

    @Test
    void amountsByCategoryAndStatusAndTheQualificationRateByAmountAndCount() {
        report.of(other.collector(), ReportFilter.ALL).as(StepVerifier::create).assertNext(s -> {
            assertThat(s.qualification().overdue()).isEqualByComparingTo("600");
            assertThat(s.qualification().qualified()).isEqualByComparingTo("100");
            assertThat(s.qualification().rate()).isEqualByComparingTo("16.7");
            assertThat(s.qualification().overdueItems()).isEqualTo(3);
            assertThat(s.qualification().qualifiedItems()).isEqualTo(1);
            assertThat(s.qualification().countRate()).isEqualByComparingTo("33.3");

            assertThat(s.categories()).extracting(StatusLine::category)
                    .containsExactly("ON_GOING", "PROMISE_TO_PAY", "DISPUTE", null);
            assertThat(s.categories()).extracting(l -> l.outstanding().intValue()).containsExactly(200, 400, 100, 300);
            assertThat(s.categories()).extracting(l -> l.overdue().intValue()).containsExactly(200, 0, 100, 300);
            assertThat(s.statuses()).extracting(StatusLine::code)
                    .containsExactlyInAnyOrder("REMINDER_SENT", "PROMISE_TO_PAY", "PRICE_DISPUTE", null);
            assertThat(s.statuses().getLast().code()).isNull();
            assertThat(s.trend()).singleElement().satisfies(p -> {
                assertThat(p.day()).isEqualTo(TODAY);
                assertThat(p.qualification().rate()).isEqualByComparingTo("16.7");
            });
        }).verifyComplete();
    }

    @Test
    void theTrendShowsEachWeeklySnapshotThenToday() {
        // last week's snapshot, taken before X2 got its comment and X3 its status
        fx.sql("select report_refresh_figures(:t, '" + TODAY + "', true)", other.tenantId());
        fx.sql("select report_take_week(:t, '" + ReportFigures.week(TODAY).minusWeeks(1) + "')", other.tenantId());
        long t = other.tenantId();
        fx.sql("update open_item set last_comment = 'Called, promised next week' where tenant_id = :t and number = 'X2'", t);

        report.of(other.admin(), ReportFilter.ALL).as(StepVerifier::create).assertNext(s -> {
            assertThat(s.trend()).hasSize(2);
            assertThat(s.trend().getFirst().day()).isEqualTo(ReportFigures.week(TODAY).minusWeeks(1));
            assertThat(s.trend().getFirst().qualification().rate()).isEqualByComparingTo("16.7");
            assertThat(s.trend().getLast().qualification().rate()).isEqualByComparingTo("50.0");
            assertThat(s.trend().getLast().qualification().countRate()).isEqualByComparingTo("66.7");
        }).verifyComplete();

        // the snapshot of a week is taken once, whoever asks again
        fx.sql("select report_take_week(:t, '" + ReportFigures.week(TODAY).minusWeeks(1) + "')", t);
        report.of(other.admin(), ReportFilter.ALL).as(StepVerifier::create)
                .assertNext(s -> assertThat(s.trend().getFirst().qualification().rate()).isEqualByComparingTo("16.7"))
                .verifyComplete();
    }

    @Test
    void aCollectorWithoutTheAccountSeesNoFigures() {
        fx.sql("delete from customer_assignment where tenant_id = :t", other.tenantId());
        report.of(other.collector(), ReportFilter.ALL).as(StepVerifier::create).assertNext(s -> {
            assertThat(s.statuses()).isEmpty();
            assertThat(s.qualification().rate()).isEqualByComparingTo("0.0");
        }).verifyComplete();
    }
}
