package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/** The "to confirm" list of automatic-with-confirmation emails and "send all". */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, EmailFixture.class, AgendaFixture.FixedClock.class})
class ToConfirmIT {

    @Autowired EmailActions emails;
    @Autowired Agenda agenda;
    @Autowired AgendaFixture fx;
    @Autowired EmailFixture mx;
    @Autowired TestTenants tenants;

    TestTenants.Other other;
    long scenario;

    @BeforeEach
    void tenant() {
        other = tenants.create("tc-" + System.nanoTime());
        scenario = mx.scenario(other.tenantId(), "Confirm", 5, "FIRST_REMINDER", "AUTO_WITH_CONFIRMATION",
                "COLLECTION_CONTACT", null);
    }

    long[] account(String ref, int daysOverdue) {
        long c = fx.customer(other.tenantId(), ref, scenario, other.collector().userId());
        long item = fx.item(other.tenantId(), c, ref + "-1", TODAY.minusDays(daysOverdue), "80.00");
        mx.contact(other.tenantId(), c, "Ann", ref.toLowerCase() + "@payer.example", true);
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        return new long[] {c, item, fx.waiting(c).getFirst().id()};
    }

    @Test
    void emailsDueTodayOrLateWaitForTheirCollectorsConfirmation() {
        long[] late = account("TC-LATE", 20);
        long[] today = account("TC-TODAY", 5);
        long[] later = account("TC-LATER", 2);
        assertThat(fx.waiting(later[0])).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("TO_CONFIRM"));
        emails.toConfirm(other.collector()).map(PlannedAction::id).collectList().as(StepVerifier::create)
                .assertNext(ids -> assertThat(ids).containsExactly(late[2], today[2])).verifyComplete();
        // the administrator sees the company's; another tenant nothing of them
        emails.toConfirm(other.admin()).map(PlannedAction::id).collectList().as(StepVerifier::create)
                .assertNext(ids -> assertThat(ids).contains(late[2], today[2])).verifyComplete();
        TestTenants.Other third = tenants.create("tc3-" + System.nanoTime());
        emails.toConfirm(third.admin()).map(PlannedAction::id).collectList().as(StepVerifier::create)
                .assertNext(ids -> assertThat(ids).doesNotContain(late[2], today[2])).verifyComplete();
    }

    @Test
    void sendAllSendsEachAsProposedAndReportsTheOnesItCannot() {
        long[] one = account("TC-ONE", 20);
        long[] two = account("TC-TWO", 20);
        long[] paid = account("TC-PAID", 20);
        fx.pay(paid[1]);
        long unknown = 999_999_999L;
        emails.confirmAll(other.collector(), List.of(one[2], two[2], paid[2], unknown)).as(StepVerifier::create)
                .assertNext(r -> {
                    assertThat(r.sent()).extracting(s -> s.action().id()).containsExactly(one[2], two[2]);
                    assertThat(r.sent()).allSatisfy(s -> assertThat(s.action().state()).isEqualTo("DONE"));
                    assertThat(r.failed()).containsOnlyKeys(paid[2], unknown);
                    assertThat(r.failed().get(paid[2])).contains("OBSOLETE");
                })
                .verifyComplete();
        assertThat(mx.mails(one[0])).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Rappel de paiement - compte TC-ONE"));
        assertThat(mx.mails(two[0])).hasSize(1);
        assertThat(mx.mails(paid[0])).isEmpty();
        emails.toConfirm(other.collector()).collectList().as(StepVerifier::create)
                .assertNext(l -> assertThat(l).isEmpty()).verifyComplete();
        // sending again changes nothing
        emails.confirmAll(other.collector(), List.of(one[2])).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.failed()).containsOnlyKeys(one[2])).verifyComplete();
        assertThat(mx.mails(one[0])).hasSize(1);
    }

    @Test
    void anotherTenantCannotConfirm() {
        long[] a = account("TC-OTHER", 20);
        TestTenants.Other third = tenants.create("tc4-" + System.nanoTime());
        emails.confirmAll(third.admin(), List.of(a[2])).as(StepVerifier::create)
                .assertNext(r -> assertThat(r.sent()).isEmpty()).verifyComplete();
        assertThat(mx.mails(a[0])).isEmpty();
    }
}
