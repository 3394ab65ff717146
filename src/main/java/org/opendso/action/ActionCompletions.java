package org.opendso.action;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.status.Statuses;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Completes and cancels specific actions (decision 0017), each in one transaction with its events: a dispute
 * follow-up qualifies its open items with the company's "dispute resolved" status (the completion note as comment)
 * and puts them back into the scenario at once; a promise follow-up checks that its items were paid. Closing an
 * action releases its items to the scenario (the change marks of decision 0011 tell the agenda).
 * A bean of its own: {@link Qualifications} uses {@link SpecificActions} for a qualification's step 3.
 */
@Service
public class ActionCompletions {

    private final DatabaseClient db;
    private final SpecificActions actions;
    private final Qualifications qualifications;
    private final Statuses statuses;
    private final EventLog events;
    private final TransactionalOperator tx;

    ActionCompletions(DatabaseClient db, SpecificActions actions, Qualifications qualifications, Statuses statuses,
                      EventLog events, TransactionalOperator tx) {
        this.db = db;
        this.actions = actions;
        this.qualifications = qualifications;
        this.statuses = statuses;
        this.events = events;
        this.tx = tx;
    }

    /** A completion as asked: the note, the version read (null: no check), and "even if items are unpaid". */
    public record Completion(String note, Long version, boolean anyway) {
    }

    /** What completing would find: the action's items still open (for a promise follow-up: unpaid). */
    public Mono<List<OpenItem>> stillOpen(Staff staff, long actionId) {
        return actions.visible(staff, actionId).flatMapMany(a -> items(staff.tenantId(), a.id()))
                .filter(OpenItem::isOpen).collectList();
    }

    /**
     * Completes an open action. Errors: InvalidSpecificAction (field {@code note}: a dispute's resolution needs
     * one; {@code status}: the company has no status of category DISPUTE_RESOLVED), UnpaidItems (a promise
     * follow-up with open items, not {@code anyway}), SpecificActionChanged, SpecificActionForbidden,
     * UnknownSpecificAction; nothing is saved then.
     */
    public Mono<SpecificAction> complete(Staff staff, long actionId, Completion completion) {
        String note = completion.note() == null ? "" : completion.note().strip();
        if (note.length() > SpecificActions.MAX_NOTE) {
            return Mono.error(new InvalidSpecificAction("note", "A note has at most " + SpecificActions.MAX_NOTE + " characters"));
        }
        return actions.guard(staff, actionId, completion.version())
                .flatMap(action -> items(staff.tenantId(), actionId).collectList().flatMap(items -> {
                    List<OpenItem> open = items.stream().filter(OpenItem::isOpen).toList();
                    return switch (action.kind()) {
                        case DISPUTE_FOLLOW_UP -> resolve(staff, action, open, note)
                                .then(close(staff, action, "COMPLETED", ActionOutcome.RESOLVED, note, List.of()));
                        case PROMISE_FOLLOW_UP -> !open.isEmpty() && !completion.anyway()
                                ? Mono.error(new UnpaidItems(action, open))
                                : close(staff, action, "COMPLETED", open.isEmpty() ? ActionOutcome.PAID : ActionOutcome.UNPAID,
                                        note, open);
                        default -> close(staff, action, "COMPLETED", ActionOutcome.DONE, note, List.of());
                    };
                }))
                .as(tx::transactional);
    }

    /** Cancels an open action with a reason; its items go back to the scenario. */
    public Mono<SpecificAction> cancel(Staff staff, long actionId, String reason, Long version) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(new InvalidSpecificAction("reason", "Say why the action is cancelled"));
        }
        if (reason.length() > SpecificActions.MAX_NOTE) {
            return Mono.error(new InvalidSpecificAction("reason", "A reason has at most " + SpecificActions.MAX_NOTE + " characters"));
        }
        return actions.guard(staff, actionId, version)
                .flatMap(action -> close(staff, action, "CANCELLED", ActionOutcome.CANCELLED, reason.strip(), List.of()))
                .as(tx::transactional);
    }

    /**
     * The dispute is resolved: its open items get the company's "dispute resolved" status through the one
     * qualification service (joining this transaction: its event and its checks of the items' versions come
     * with it), and their follow-up date is today, so the scenario chases them again from the next generation
     * instead of waiting for the status's follow-up delay (decision 0017).
     */
    private Mono<Void> resolve(Staff staff, SpecificAction action, List<OpenItem> open, String note) {
        if (note.isEmpty()) {
            return Mono.error(new InvalidSpecificAction("note", "Say how the dispute was resolved: the note is the "
                    + "comment of the \"dispute resolved\" qualification"));
        }
        return resolvedStatus(staff.tenantId()).flatMap(status -> {
            if (open.isEmpty()) {
                return Mono.<Void>empty();
            }
            LocalDate today = actions.today();
            List<Qualification.ItemRef> refs = open.stream()
                    .map(i -> new Qualification.ItemRef(i.type(), i.number(), i.version())).toList();
            return qualifications.qualify(staff, action.customerId(),
                            new Qualification(refs, status.code(), today, note, null, null))
                    .then(db.sql("""
                                    update open_item set follow_up_date = :today
                                    where tenant_id = :tenant and id = any(:ids) and status_id = :status""")
                            .bind("today", today).bind("tenant", staff.tenantId())
                            .bind("ids", open.stream().map(OpenItem::id).toArray(Long[]::new))
                            .bind("status", status.id())
                            .fetch().rowsUpdated())
                    .then();
        });
    }

    /** The company's "dispute resolved" status: the standard one if it still exists, else the first of the category. */
    private Mono<ItemStatus> resolvedStatus(long tenantId) {
        return statuses.all(tenantId).filter(s -> s.category() == StatusCategory.DISPUTE_RESOLVED)
                .sort(Comparator.comparing((ItemStatus s) -> !s.standard()).thenComparing(ItemStatus::id))
                .next()
                .switchIfEmpty(Mono.error(() -> new InvalidSpecificAction("status", "This company has no status of "
                        + "category DISPUTE_RESOLVED to qualify the items with: create one in the statuses settings")));
    }

    private Mono<SpecificAction> close(Staff staff, SpecificAction action, String state, ActionOutcome outcome,
                                       String note, List<OpenItem> unpaid) {
        return db.sql("""
                        update specific_action set state = :state, outcome = :outcome, completed_by = :user,
                               completed_at = now(), completion_note = :note, version = version + 1
                        where id = :id and tenant_id = :tenant and state = 'OPEN'""")
                .bind("state", state).bind("outcome", outcome.name()).bind("user", staff.userId()).bind("note", note)
                .bind("id", action.id()).bind("tenant", staff.tenantId())
                .fetch().rowsUpdated()
                .then(actions.find(staff.tenantId(), action.id()))
                .flatMap(done -> {
                    Map<String, Object> p = SpecificActions.payload(done);
                    if (!unpaid.isEmpty()) {
                        p.put("unpaid", unpaid.stream().map(OpenItem::number).toList());
                    }
                    return events.append(Actor.of(staff), staff.tenantId(), done.customerId(),
                            "CANCELLED".equals(state) ? EventType.ACTION_CANCELLED : EventType.ACTION_COMPLETED, p)
                            .thenReturn(done);
                });
    }

    private Flux<OpenItem> items(long tenantId, long actionId) {
        return db.sql("select " + OpenItems.COLUMNS + """
                         from specific_action_item si
                         join open_item o on o.id = si.open_item_id
                         left join item_status s on s.id = o.status_id
                         left join app_user u on u.id = o.changed_by
                         where si.action_id = :action and o.tenant_id = :tenant
                         order by o.due_date, o.number""")
                .bind("action", actionId).bind("tenant", tenantId)
                .map(OpenItems::item)
                .all();
    }
}
