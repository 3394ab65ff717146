package org.opendso.report;

import java.time.LocalDate;

/** The qualification on a day: a weekly snapshot (its Monday), or today's live figure as the last point. */
public record WeekPoint(LocalDate day, Qualification qualification) {
}
