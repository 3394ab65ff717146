package org.opendso.scenario;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When the steps of a scenario fall for an account. Steps count from the due date of the account's oldest overdue
 * item; an account with nothing overdue yet counts from its oldest open item, so that reminders before the due
 * date (negative offsets) can be shown ahead.
 */
public final class Timeline {

    private Timeline() {
    }

    /** The date steps count from, given the due dates of the account's open items; empty without any. */
    public static Optional<LocalDate> anchor(Collection<LocalDate> openDueDates, LocalDate today) {
        Optional<LocalDate> oldestOverdue = openDueDates.stream().filter(d -> d.isBefore(today)).min(LocalDate::compareTo);
        return oldestOverdue.isPresent() ? oldestOverdue : openDueDates.stream().min(LocalDate::compareTo);
    }

    /** Each step of the scenario, in the scenario's order, with its date counted from the anchor. */
    public static List<ScheduledStep> schedule(Scenario scenario, LocalDate anchor) {
        return scenario.steps().stream()
                .map(step -> new ScheduledStep(step, anchor.plusDays(step.offsetDays())))
                .toList();
    }
}
