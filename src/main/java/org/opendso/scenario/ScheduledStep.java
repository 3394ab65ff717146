package org.opendso.scenario;

import java.time.LocalDate;

/** A step of a scenario with the date it falls on for one account. */
public record ScheduledStep(ScenarioStep step, LocalDate date) {
}
