package org.opendso.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static final Scenario STANDARD = new Scenario(1, "Standard", "", true, true, 0, List.of(
            ScenarioStep.of(-5, StepKind.EMAIL, "PRE_DUE_REMINDER"),
            ScenarioStep.of(5, StepKind.EMAIL, "FIRST_REMINDER"),
            ScenarioStep.of(15, StepKind.CALL, null),
            ScenarioStep.of(45, StepKind.LETTER, "FORMAL_NOTICE")));

    @Test
    void stepsCountFromTheOldestOverdueItemNotFromANewerOrAFutureOne() {
        List<LocalDate> dueDates = List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 10), LocalDate.of(2026, 4, 1));
        LocalDate anchor = Timeline.anchor(dueDates, TODAY).orElseThrow();
        assertThat(anchor).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(Timeline.schedule(STANDARD, anchor)).extracting(ScheduledStep::date).containsExactly(
                LocalDate.of(2026, 2, 5),   // -5: before the due date
                LocalDate.of(2026, 2, 15),
                LocalDate.of(2026, 2, 25),
                LocalDate.of(2026, 3, 27)); // +45 crosses the end of February
        assertThat(Timeline.schedule(STANDARD, anchor)).extracting(s -> s.step().kind())
                .containsExactly(StepKind.EMAIL, StepKind.EMAIL, StepKind.CALL, StepKind.LETTER);
    }

    @Test
    void withNothingOverdueStepsCountFromTheOldestOpenItemSoPreDueRemindersShowAhead() {
        List<LocalDate> dueDates = List.of(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 20));
        LocalDate anchor = Timeline.anchor(dueDates, TODAY).orElseThrow();
        assertThat(anchor).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(Timeline.schedule(STANDARD, anchor).getFirst().date()).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void anItemDueTodayIsNotOverdueYet() {
        List<LocalDate> dueDates = List.of(TODAY, LocalDate.of(2026, 5, 1));
        assertThat(Timeline.anchor(dueDates, TODAY)).contains(TODAY);
    }

    @Test
    void anAccountWithoutOpenItemsHasNoTimeline() {
        assertThat(Timeline.anchor(List.of(), TODAY)).isEmpty();
        assertThat(Timeline.schedule(new Scenario(2, "Empty", "", false, false, 0, List.of()), TODAY)).isEmpty();
    }

    @Test
    void stepsKeepTheScenarioOrderEvenWhenOffsetsAreNotSorted() {
        Scenario calls = new Scenario(3, "Calls", "", false, false, 0, List.of(
                ScenarioStep.of(10, StepKind.CALL, null), ScenarioStep.of(-3, StepKind.CALL, null)));
        assertThat(Timeline.schedule(calls, TODAY)).extracting(ScheduledStep::date)
                .containsExactly(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 12));
    }
}
