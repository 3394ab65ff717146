package org.opendso.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates, lists and completes specific actions. Callers pass a customer id they obtained from the customer
 * service (visibility checked); the tenant is checked again in every statement.
 */
@Service
public class SpecificActions {

    private final DatabaseClient db;
    private final EventLog events;
    private final TransactionalOperator tx;

    SpecificActions(DatabaseClient db, EventLog events, TransactionalOperator tx) {
        this.db = db;
        this.events = events;
        this.tx = tx;
    }

    /**
     * Creates the action and logs ACTION_CREATED; joins the caller's transaction if there is one (a
     * qualification's step 3). Items must be open items of the account; the assignee a user of the tenant.
     */
    public Mono<SpecificAction> create(Staff staff, long customerId, NewSpecificAction action) {
        if (action.itemIds().isEmpty()) {
            return Mono.error(new IllegalArgumentException("A specific action needs at least one item"));
        }
        if (action.dueDate() == null) {
            return Mono.error(new IllegalArgumentException("A specific action needs a due date"));
        }
        Mono<Long> insert = db.sql("""
                        insert into specific_action (tenant_id, customer_id, kind, due_date, assignee_id, note, created_by)
                        select c.tenant_id, c.id, :kind, :due, u.id, :note, :creator
                        from customer c join app_user u on u.tenant_id = c.tenant_id and u.id = :assignee and u.enabled
                        where c.id = :customer and c.tenant_id = :tenant
                        returning id""")
                .bind("kind", action.kind().name())
                .bind("due", action.dueDate())
                .bind("note", action.note() == null ? "" : action.note().strip())
                .bind("creator", staff.userId())
                .bind("assignee", action.assigneeId())
                .bind("customer", customerId)
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> row.get("id", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("The assignee is not an active user of this company")));
        return insert.flatMap(id -> db.sql("""
                                insert into specific_action_item (action_id, open_item_id)
                                select :action, o.id from open_item o
                                where o.tenant_id = :tenant and o.customer_id = :customer and o.id = any(:items)
                                  and o.closed_at is null""")
                        .bind("action", id)
                        .bind("tenant", staff.tenantId())
                        .bind("customer", customerId)
                        .bind("items", action.itemIds().toArray(Long[]::new))
                        .fetch().rowsUpdated()
                        .flatMap(n -> n == action.itemIds().size() ? Mono.just(id)
                                : Mono.error(new IllegalArgumentException("Some items are not open items of this account"))))
                .flatMap(id -> find(staff.tenantId(), id))
                .flatMap(created -> events.append(Actor.of(staff), staff.tenantId(), customerId, EventType.ACTION_CREATED,
                        payload(created)).thenReturn(created))
                .as(tx::transactional);
    }

    /** Completes an open action with a note, and logs ACTION_COMPLETED. */
    public Mono<SpecificAction> complete(Staff staff, long actionId, String note) {
        return db.sql("""
                        update specific_action set state = 'COMPLETED', completed_by = :user, completed_at = now(),
                               completion_note = :note, version = version + 1
                        where id = :id and tenant_id = :tenant and state = 'OPEN'
                        returning customer_id""")
                .bind("user", staff.userId())
                .bind("note", note == null ? "" : note.strip())
                .bind("id", actionId)
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> row.get("customer_id", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("This action is not open any more")))
                .flatMap(customerId -> find(staff.tenantId(), actionId))
                .flatMap(done -> events.append(Actor.of(staff), staff.tenantId(), done.customerId(),
                        EventType.ACTION_COMPLETED, payload(done)).thenReturn(done))
                .as(tx::transactional);
    }

    /** The account's specific actions, open ones first, then by due date. */
    public Flux<SpecificAction> ofCustomer(long tenantId, long customerId) {
        return db.sql(SELECT + " where a.tenant_id = :tenant and a.customer_id = :customer"
                        + " order by a.state = 'OPEN' desc, a.due_date, a.id")
                .bind("tenant", tenantId)
                .bind("customer", customerId)
                .map((row, meta) -> action(row))
                .all();
    }

    /** One action of the tenant, or empty. */
    public Mono<SpecificAction> find(long tenantId, long actionId) {
        return db.sql(SELECT + " where a.tenant_id = :tenant and a.id = :id")
                .bind("tenant", tenantId)
                .bind("id", actionId)
                .map((row, meta) -> action(row))
                .one();
    }

    static Map<String, Object> payload(SpecificAction a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("actionId", a.id());
        p.put("kind", a.kind().name());
        p.put("dueDate", a.dueDate().toString());
        p.put("assignee", a.assigneeLogin());
        p.put("assigneeName", a.assigneeName());
        p.put("note", a.note());
        p.put("state", a.state().name());
        p.put("items", a.items().stream().map(n -> Map.of("number", n)).toList());
        if (a.completionNote() != null) {
            p.put("completionNote", a.completionNote());
        }
        return p;
    }

    private static final String SELECT = """
            select a.id, a.customer_id, a.kind, a.due_date, a.note, a.state, a.created_at, a.completed_at,
                   a.completion_note, a.version, asg.login as assignee_login, asg.name as assignee_name,
                   cr.name as created_by, cp.name as completed_by,
                   array(select o.number from specific_action_item i join open_item o on o.id = i.open_item_id
                         where i.action_id = a.id order by o.due_date, o.number) as items
            from specific_action a
            join app_user asg on asg.id = a.assignee_id
            join app_user cr on cr.id = a.created_by
            left join app_user cp on cp.id = a.completed_by""";

    private static SpecificAction action(io.r2dbc.spi.Readable row) {
        OffsetDateTime completed = row.get("completed_at", OffsetDateTime.class);
        String[] items = row.get("items", String[].class);
        return new SpecificAction(
                row.get("id", Long.class),
                row.get("customer_id", Long.class),
                ActionKind.valueOf(row.get("kind", String.class)),
                row.get("due_date", LocalDate.class),
                row.get("assignee_login", String.class),
                row.get("assignee_name", String.class),
                row.get("note", String.class),
                ActionState.valueOf(row.get("state", String.class)),
                row.get("created_by", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("completed_by", String.class),
                completed == null ? null : completed.toInstant(),
                row.get("completion_note", String.class),
                items == null ? List.of() : Arrays.asList(items),
                row.get("version", Long.class));
    }
}
