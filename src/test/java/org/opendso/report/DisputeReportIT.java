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
 * Open disputes by age since disputed, account, status and resolver; the average resolution time of the completed
 * dispute follow-ups (10 and 4 days: 7.0).
 */
@IntegrationTest
@Import({TestTenants.class, ReportFixture.class, ReportFixture.Card.class, AlertFixture.FixedClock.class})
class DisputeReportIT {

    @Autowired DisputeReport report;
    @Autowired ReportFixture fx;
    @Autowired TestTenants tenants;

    TestTenants.Other other;

    @BeforeEach
    void book() {
        other = tenants.create("dis-" + System.nanoTime());
        fx.empty(other.tenantId());
        long t = other.tenantId();
        long a = fx.customer(t, "DIS-1", other.collector().userId(), "COLLECTOR");
        long b = fx.customer(t, "DIS-2", null, null);
        long p1 = fx.invoice(t, a, "P1", TODAY.minusDays(90), TODAY.minusDays(60), "100");
        long p2 = fx.invoice(t, a, "P2", TODAY.minusDays(90), TODAY.minusDays(60), "50");
        long q1 = fx.invoice(t, a, "Q1", TODAY.minusDays(90), TODAY.minusDays(60), "70");
        long r1 = fx.invoice(t, b, "R1", TODAY.minusDays(200), TODAY.minusDays(170), "900");
        long solved = fx.invoice(t, a, "S1", TODAY.minusDays(90), TODAY.minusDays(60), "30");
        fx.status(t, p1, "PRICE_DISPUTE", TODAY.minusDays(30), "price");     // 30 days: 0–30
        fx.status(t, p2, "PRICE_DISPUTE", TODAY.minusDays(31), "price");     // 31 days: 31–60
        fx.status(t, q1, "QUALITY_DISPUTE", TODAY.minusDays(61), "broken");  // 61–90
        fx.status(t, r1, "DELIVERY_DISPUTE", TODAY.minusDays(91), "late");   // over 90
        fx.status(t, solved, "DISPUTE_RESOLVED", TODAY.minusDays(2), "credited");
        fx.disputeAction(t, a, other.collector().userId(), null, p1, p2);
        fx.disputeAction(t, a, other.admin().userId(), 10, solved);
        fx.disputeAction(t, b, other.admin().userId(), 4, r1);
    }

    @Test
    void openDisputesByAgeAccountStatusAndResolverWithTheAverageResolutionTime() {
        report.of(other.admin(), ReportFilter.ALL).as(StepVerifier::create).assertNext(d -> {
            assertThat(d.amount()).isEqualByComparingTo("1120");
            assertThat(d.items()).isEqualTo(4);
            assertThat(d.ages()).extracting(x -> x.amount().intValue()).containsExactly(100, 50, 70, 900);
            assertThat(d.ages()).extracting(DisputeAge::items).containsExactly(1L, 1L, 1L, 1L);
            assertThat(d.lines()).extracting(DisputeLine::account, DisputeLine::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("DIS-2", "DELIVERY_DISPUTE"),
                            org.assertj.core.groups.Tuple.tuple("DIS-1", "QUALITY_DISPUTE"),
                            org.assertj.core.groups.Tuple.tuple("DIS-1", "PRICE_DISPUTE"));
            DisputeLine price = d.lines().get(2);
            assertThat(price.amount()).isEqualByComparingTo("150");
            assertThat(price.items()).isEqualTo(2);
            assertThat(price.since()).isEqualTo(TODAY.minusDays(31));
            assertThat(price.ageDays()).isEqualTo(31);
            assertThat(price.resolvers()).isEqualTo(other.collector().name());
            assertThat(d.lines().get(1).resolvers()).isNull();
            assertThat(d.averageResolutionDays()).isEqualByComparingTo("7.0");
            assertThat(d.resolved()).isEqualTo(2);
            assertThat(d.lineCount()).isEqualTo(3);
        }).verifyComplete();
    }

    @Test
    void aCollectorSeesTheDisputesOfTheirAccountsOnly() {
        report.of(other.collector(), ReportFilter.ALL).as(StepVerifier::create).assertNext(d -> {
            assertThat(d.amount()).isEqualByComparingTo("220");
            assertThat(d.lines()).extracting(DisputeLine::account).containsOnly("DIS-1");
            assertThat(d.averageResolutionDays()).isEqualByComparingTo("10.0");
        }).verifyComplete();
    }
}
