package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import reactor.test.StepVerifier;

/** Calls of the agenda, as of {@link AgendaFixture#TODAY} (a Tuesday). */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, AgendaFixture.FixedClock.class, LetterCallFixture.class})
class CallActionsIT {

    @Autowired
    CallActions calls;

    @Autowired
    LetterCallFixture lc;

    @Test
    void aCallThatReachedTheCustomerIsLoggedWithItsNotesAndDoesTheAction() {
        TestTenants.Other company = lc.company("call-ok");
        LetterCallFixture.Account account = lc.account(company, "CA-1", "Client Joint", null, "CALL");
        int before = lc.eventsSince(account.customerId(), 0).size();
        calls.log(company.collector(), account.actionId(), account.version(), "promised_to_pay",
                        "  Will pay on Friday  ")
                .as(StepVerifier::create)
                .assertNext(logged -> {
                    assertThat(logged.outcome()).isEqualTo(CallOutcome.PROMISED_TO_PAY);
                    assertThat(logged.attempt()).isEqualTo(1);
                    assertThat(logged.retried()).isFalse();
                    assertThat(logged.action().state()).isEqualTo("DONE");
                    assertThat(logged.action().outcome()).isEqualTo("PROMISED_TO_PAY");
                    assertThat(logged.action().note()).isEqualTo("Will pay on Friday");
                })
                .verifyComplete();
        assertThat(lc.eventsSince(account.customerId(), before)).startsWith("CALL_LOGGED", "ACTION_DONE");
        assertThat(lc.payload(account.customerId(), "CALL_LOGGED"))
                .contains("\"outcome\": \"PROMISED_TO_PAY\"", "\"note\": \"Will pay on Friday\"", "\"attempt\": 1");
        // done: logging it again is a conflict
        calls.log(company.collector(), account.actionId(), null, "REACHED", "").as(StepVerifier::create)
                .expectError(ActionChanged.class).verify();
    }

    @Test
    void nobodyAnsweringMovesTheCallToTheNextWorkingDayTwiceThenTheThirdAttemptDoesIt() {
        TestTenants.Other company = lc.company("call-retry");
        LetterCallFixture.Account account = lc.account(company, "CA-2", "Client Absent", null, "CALL");
        Staff collector = company.collector();

        CallLogged first = calls.log(collector, account.actionId(), account.version(), "NO_ANSWER", "").block();
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.retryOn()).isEqualTo(TODAY.plusDays(1));
        assertThat(first.action().state()).isEqualTo("PLANNED");
        assertThat(first.action().dueDate()).isEqualTo(TODAY.plusDays(1));
        assertThat(lc.payload(account.customerId(), "CALL_LOGGED"))
                .contains("\"retryOn\": \"" + TODAY.plusDays(1) + "\"");

        // the version moved with the reschedule: the old one is stale
        calls.log(collector, account.actionId(), account.version(), "LEFT_MESSAGE", "").as(StepVerifier::create)
                .expectError(ActionChanged.class).verify();

        CallLogged second = calls.log(collector, account.actionId(), first.action().version(), "LEFT_MESSAGE",
                "Voicemail").block();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.action().state()).isEqualTo("PLANNED");

        CallLogged third = calls.log(collector, account.actionId(), second.action().version(), "NO_ANSWER", "").block();
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.retried()).isFalse();
        assertThat(third.action().state()).isEqualTo("DONE");
        assertThat(third.action().outcome()).isEqualTo("NO_ANSWER");
        assertThat(lc.eventsSince(account.customerId(), 0).stream().filter("CALL_LOGGED"::equals)).hasSize(3);
    }

    @Test
    void fridayRetriesOnMonday() {
        assertThat(CallActions.nextWorkingDay(java.time.LocalDate.of(2026, 3, 13))).isEqualTo(java.time.LocalDate.of(2026, 3, 16));
        assertThat(CallActions.nextWorkingDay(java.time.LocalDate.of(2026, 3, 14))).isEqualTo(java.time.LocalDate.of(2026, 3, 16));
        assertThat(CallActions.nextWorkingDay(TODAY)).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void badInputNamesTheFieldAndALetterIsNotACallAndOthersDoNotSeeIt() {
        TestTenants.Other company = lc.company("call-bad");
        LetterCallFixture.Account account = lc.account(company, "CA-3", "Client Mystère", null, "CALL");
        Staff collector = company.collector();
        calls.log(collector, account.actionId(), null, "VOICEMAIL", "").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidAction.class, i -> {
                    assertThat(i.field()).isEqualTo("outcome");
                    assertThat(i.getMessage()).contains("VOICEMAIL", "NO_ANSWER");
                }))
                .verify();
        calls.log(collector, account.actionId(), null, null, "").as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(((InvalidAction) e).field()).isEqualTo("outcome")).verify();
        calls.log(collector, account.actionId(), null, "REACHED", "x".repeat(CallActions.MAX_NOTES + 1))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(((InvalidAction) e).field()).isEqualTo("notes")).verify();

        LetterCallFixture.Account letter = lc.account(company, "CA-4", "Client Courrier", null, "LETTER");
        calls.log(collector, letter.actionId(), null, "REACHED", "").as(StepVerifier::create)
                .expectError(WrongKind.class).verify();

        TestTenants.Other stranger = lc.company("call-other");
        calls.log(stranger.admin(), account.actionId(), null, "REACHED", "").as(StepVerifier::create)
                .expectError(UnknownAction.class).verify();
        assertThat(lc.action(account.actionId()).state()).isEqualTo("PLANNED");
        assertThat(lc.action(letter.actionId()).state()).isEqualTo("PLANNED");
        assertThat(lc.eventsSince(account.customerId(), 0)).doesNotContain("CALL_LOGGED");
    }
}
