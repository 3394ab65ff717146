package org.opendso.agenda;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Logs the CALL actions of the accounts a staff member sees: CALL_LOGGED on the account with the outcome and the
 * notes, and the action done, in one transaction.
 * <p>
 * A call nobody answered (NO_ANSWER, LEFT_MESSAGE) has not done what the step is for, so the action stays in the
 * agenda, moved to the next working day, up to {@link #ATTEMPTS} attempts; the last one does it, and the scenario
 * goes on (its next step is usually a letter, which does not need anyone to pick up). See decision 0014.
 */
@Service
public class CallActions {

    /** Attempts on one call action before an unanswered one completes it. */
    public static final int ATTEMPTS = 3;
    public static final int MAX_NOTES = 4000;

    private final Agenda agenda;
    private final DatabaseClient db;
    private final EventLog events;
    private final TransactionalOperator tx;

    CallActions(Agenda agenda, DatabaseClient db, EventLog events, TransactionalOperator tx) {
        this.agenda = agenda;
        this.db = db;
        this.events = events;
        this.tx = tx;
    }

    public Mono<CallLogged> log(Staff staff, long actionId, Long version, String outcome, String notes) {
        CallOutcome result;
        try {
            result = outcome(outcome);
        } catch (InvalidAction e) {
            return Mono.error(e);
        }
        String note = notes == null ? "" : notes.strip();
        if (note.length() > MAX_NOTES) {
            return Mono.error(new InvalidAction("notes", "Notes have at most " + MAX_NOTES + " characters ("
                    + note.length() + " given)"));
        }
        return agenda.lockFirst(staff.tenantId()).then(agenda.find(staff, actionId))
                .flatMap(action -> {
                    if (!"CALL".equals(action.kind())) {
                        return Mono.error(new WrongKind(action, "CALL"));
                    }
                    if (!action.isWaiting()) {
                        return Mono.error(new ActionChanged("This action is " + action.state() + " already", action));
                    }
                    return attempts(staff.tenantId(), action).flatMap(before -> {
                        int attempt = before + 1;
                        // called ahead of its date: the retry keeps that date, never earlier
                        LocalDate retryOn = result.retries() && attempt < ATTEMPTS
                                ? later(nextWorkingDay(agenda.today()), action.dueDate()) : null;
                        Map<String, Object> payload = new LinkedHashMap<>();
                        payload.put("actionId", action.id());
                        payload.put("outcome", result.name());
                        payload.put("note", note);
                        payload.put("attempt", attempt);
                        if (retryOn != null) {
                            payload.put("retryOn", retryOn.toString());
                        }
                        Mono<PlannedAction> after = retryOn != null
                                ? agenda.reschedule(staff, actionId, version, retryOn)
                                : agenda.complete(staff, actionId, version, result.name(), note);
                        return events.append(Actor.of(staff), staff.tenantId(), action.customerId(),
                                        EventType.CALL_LOGGED, payload)
                                .then(after)
                                .map(a -> new CallLogged(a, result, attempt, retryOn));
                    });
                })
                .as(tx::transactional);
    }

    /** The calls already logged on this action (each unanswered attempt left one). */
    private Mono<Integer> attempts(long tenantId, PlannedAction action) {
        return db.sql("""
                        select count(*) as n from event
                        where tenant_id = :t and customer_id = :c and type = 'CALL_LOGGED'
                          and payload ->> 'actionId' = :id""")
                .bind("t", tenantId).bind("c", action.customerId()).bind("id", Long.toString(action.id()))
                .map((row, meta) -> row.get("n", Long.class).intValue()).one();
    }

    static LocalDate nextWorkingDay(LocalDate today) {
        LocalDate next = today.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static CallOutcome outcome(String outcome) {
        String value = outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT);
        try {
            return CallOutcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidAction("outcome", (value.isEmpty() ? "Give the outcome of the call" : "Unknown outcome '"
                    + outcome.strip() + "'") + " (" + String.join(", ", Arrays.stream(CallOutcome.values())
                    .map(Enum::name).toList()) + ")");
        }
    }
}
