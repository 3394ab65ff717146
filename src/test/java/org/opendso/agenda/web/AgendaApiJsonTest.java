package org.opendso.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendso.agenda.PlannedAction;

/** How an action reads over the API: late only while waiting, and the fields the agenda promises. */
class AgendaApiJsonTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static PlannedAction action(String state, LocalDate due) {
        return new PlannedAction(7, 3, "C-1", "Acme", "CALL", due, "Standard", "Call", state,
                new BigDecimal("120.5000"), "collector", "Carl", "", "", 2);
    }

    @Test
    void aWaitingActionDueBeforeTodayIsLateAndADoneOneNever() {
        assertThat(AgendaApi.json(action("PLANNED", TODAY.minusDays(1)), TODAY)).containsEntry("late", true);
        assertThat(AgendaApi.json(action("TO_CONFIRM", TODAY.minusDays(1)), TODAY)).containsEntry("late", true);
        assertThat(AgendaApi.json(action("PLANNED", TODAY), TODAY)).containsEntry("late", false);
        assertThat(AgendaApi.json(action("DONE", TODAY.minusDays(1)), TODAY)).containsEntry("late", false);
    }

    @Test
    void theJsonNamesTheCustomerByAccountAndLeavesEmptyNotesOut() {
        Map<String, Object> json = AgendaApi.json(action("PLANNED", TODAY), TODAY);
        assertThat(json).containsEntry("id", 7L).containsEntry("customer", "C-1").containsEntry("customerName", "Acme")
                .containsEntry("kind", "CALL").containsEntry("dueDate", TODAY).containsEntry("scenario", "Standard")
                .containsEntry("specific", false).containsEntry("state", "PLANNED")
                .containsEntry("amount", new BigDecimal("120.5000")).containsEntry("version", 2L)
                .doesNotContainKeys("outcome", "note");
    }
}
