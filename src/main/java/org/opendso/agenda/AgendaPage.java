package org.opendso.agenda;

import java.time.LocalDate;
import java.util.List;

/** One page of a user's agenda between two dates, with the total and the counts of the whole agenda. */
public record AgendaPage(LocalDate from, LocalDate to, LocalDate today, List<PlannedAction> actions, long total,
                         AgendaCounts counts) {
}
