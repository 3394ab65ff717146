package org.opendso.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Finds customer accounts a staff member may see, and assigns staff to them. */
@Service
public class Customers {

    private static final Map<CustomerQuery.Sort, String> ORDER = Map.of(
            CustomerQuery.Sort.ACCOUNT, "c.account",
            CustomerQuery.Sort.NAME, "lower(c.name)",
            CustomerQuery.Sort.BALANCE, "coalesce(b.balance, 0)",
            CustomerQuery.Sort.OVERDUE, "coalesce(b.overdue, 0)",
            CustomerQuery.Sort.OLDEST_OVERDUE, "b.oldest_overdue");

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventLog events;

    Customers(DatabaseClient db, TransactionalOperator tx, EventLog events) {
        this.db = db;
        this.tx = tx;
        this.events = events;
    }

    public Flux<CustomerRow> search(Staff staff, CustomerQuery query) {
        String order = ORDER.get(query.sort()) + (query.descending() ? " desc nulls last" : " asc nulls last");
        String sql = """
                select c.id, c.account, c.name, c.city, c.currency,
                       coalesce(b.balance, 0) as balance, coalesce(b.overdue, 0) as overdue,
                       coalesce(b.open_items, 0) as open_items, b.oldest_overdue,
                       (select string_agg(u.name, ', ' order by u.name) from customer_assignment a
                          join app_user u on u.id = a.user_id
                         where a.customer_id = c.id and a.role = 'COLLECTOR') as collectors,
                       (select string_agg(u.name, ', ' order by u.name) from customer_assignment a
                          join app_user u on u.id = a.user_id
                         where a.customer_id = c.id and a.role = 'SALES_MANAGER') as sales_managers
                """ + from(query) + " order by " + order + ", c.account limit :limit offset :offset";
        return filters(Visibility.bind(db.sql(sql), staff), query)
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((row, meta) -> new CustomerRow(
                        row.get("id", Long.class),
                        row.get("account", String.class),
                        row.get("name", String.class),
                        row.get("city", String.class),
                        trim(row.get("currency", String.class)),
                        row.get("balance", BigDecimal.class),
                        row.get("overdue", BigDecimal.class),
                        row.get("open_items", Integer.class),
                        row.get("oldest_overdue", LocalDate.class),
                        row.get("collectors", String.class),
                        row.get("sales_managers", String.class)))
                .all();
    }

    public Mono<Long> count(Staff staff, CustomerQuery query) {
        return filters(Visibility.bind(db.sql("select count(*) as n " + from(query)), staff), query)
                .map((row, meta) -> row.get("n", Long.class))
                .one();
    }

    /** The account if it exists in the staff member's tenant and they may see it; otherwise empty. */
    public Mono<Customer> find(Staff staff, String account) {
        return load(staff, "c.account = :account", "account", account);
    }

    public Mono<Customer> find(Staff staff, long customerId) {
        return load(staff, "c.id = :id", "id", customerId);
    }

    public Flux<Assignee> assignees(Staff staff, long customerId) {
        return Visibility.bind(db.sql("""
                        select u.id, u.login, u.name, a.role
                        from customer_assignment a
                        join customer c on c.id = a.customer_id
                        join app_user u on u.id = a.user_id
                        where a.customer_id = :customer and\s""" + Visibility.CONDITION + " order by a.role, u.name"), staff)
                .bind("customer", customerId)
                .map((row, meta) -> new Assignee(row.get("id", Long.class), row.get("login", String.class),
                        row.get("name", String.class), AssignmentRole.valueOf(row.get("role", String.class))))
                .all();
    }

    /**
     * Assigns a staff member of the same tenant to the given customers (admin only). A sales manager can
     * only be assigned as sales manager; collectors and admins as collector.
     * @return the number of customers newly assigned
     */
    public Mono<Long> assign(Staff admin, Collection<Long> customerIds, long userId, AssignmentRole role) {
        return requireAdmin(admin).then(db.sql("""
                        insert into customer_assignment (tenant_id, customer_id, user_id, role)
                        select c.tenant_id, c.id, u.id, :role
                        from customer c join app_user u on u.tenant_id = c.tenant_id and u.id = :user
                        where c.tenant_id = :tenant and c.id = any(:ids)
                          and (case when :role = 'SALES_MANAGER' then u.role = 'SALES_MANAGER'
                                    else u.role in ('COLLECTOR', 'ADMIN') end)
                        on conflict (customer_id, user_id) do update set role = excluded.role
                        where customer_assignment.role <> excluded.role""")
                .bind("role", role.name())
                .bind("user", userId)
                .bind("tenant", admin.tenantId())
                .bind("ids", customerIds.toArray(Long[]::new))
                .fetch().rowsUpdated());
    }

    /** Assigns to every customer matching a search (mass assignment from a search result). */
    public Mono<Long> assignAll(Staff admin, CustomerQuery query, long userId, AssignmentRole role) {
        return requireAdmin(admin)
                .then(filters(Visibility.bind(db.sql("select c.id " + from(query)), admin), query)
                        .map((row, meta) -> row.get("id", Long.class)).all().collectList())
                .flatMap(ids -> assign(admin, ids, userId, role))
                .as(tx::transactional);
    }

    /** The ids of every customer matching a search, all pages: the accounts a change "to this search result" touches. */
    public Flux<Long> matching(Staff staff, CustomerQuery query) {
        return filters(Visibility.bind(db.sql("select c.id " + from(query)), staff), query)
                .map((row, meta) -> row.get("id", Long.class)).all();
    }

    public Mono<Long> unassign(Staff admin, long customerId, long userId) {
        return requireAdmin(admin).then(db.sql("""
                        delete from customer_assignment
                        where tenant_id = :tenant and customer_id = :customer and user_id = :user""")
                .bind("tenant", admin.tenantId())
                .bind("customer", customerId)
                .bind("user", userId)
                .fetch().rowsUpdated());
    }

    /**
     * Sets (or, with null, removes) the account's credit limit: administrators and collectors who see the account;
     * a sales manager may not. One transaction with its CREDIT_LIMIT_CHANGED event (payload {@code creditLimit} as
     * text or null, and {@code currency}). Empty when the account is unknown or not visible; unchanged, no event.
     */
    public Mono<Customer> setCreditLimit(Staff staff, String account, BigDecimal limit) {
        if (staff.role() == Role.SALES_MANAGER) {
            return Mono.error(new AccessDeniedException("Only administrators and collectors set credit limits"));
        }
        if (limit != null && (limit.signum() < 0 || limit.scale() > 4 || limit.precision() - limit.scale() > 15)) {
            return Mono.error(new InvalidCreditLimit(limit.signum() < 0 ? "A credit limit cannot be negative"
                    : "A credit limit has at most 15 digits and 4 decimals"));
        }
        BigDecimal value = limit == null ? null : limit.setScale(Math.max(2, limit.stripTrailingZeros().scale()));
        return find(staff, account).flatMap(c -> {
            if (c.creditLimit() == null ? value == null : value != null && c.creditLimit().compareTo(value) == 0) {
                return Mono.just(c);
            }
            GenericExecuteSpec update = db.sql("""
                            update customer set credit_limit = :limit, version = version + 1, updated_at = now()
                            where tenant_id = :tenant and id = :id""")
                    .bind("tenant", staff.tenantId()).bind("id", c.id());
            update = value == null ? update.bindNull("limit", BigDecimal.class) : update.bind("limit", value);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("creditLimit", value == null ? null : value.toPlainString());
            payload.put("currency", c.currency());
            return update.then()
                    .then(events.append(Actor.of(staff), staff.tenantId(), c.id(), EventType.CREDIT_LIMIT_CHANGED,
                            payload))
                    .then(find(staff, c.id()))
                    .as(tx::transactional);
        });
    }

    private static Mono<Void> requireAdmin(Staff staff) {
        return staff.role() == Role.ADMIN ? Mono.empty()
                : Mono.error(new AccessDeniedException("Only an administrator assigns customers"));
    }

    private Mono<Customer> load(Staff staff, String condition, String name, Object value) {
        Mono<Customer> header = Visibility.bind(db.sql("""
                        select c.*, coalesce(b.balance, 0) as balance, coalesce(b.overdue, 0) as overdue,
                               coalesce(b.open_items, 0) as open_items, b.oldest_overdue
                        from customer c left join customer_balance b on b.customer_id = c.id
                        where\s""" + condition + " and " + Visibility.CONDITION), staff)
                .bind(name, value)
                .map((row, meta) -> new Customer(
                        row.get("id", Long.class),
                        row.get("account", String.class),
                        row.get("name", String.class),
                        row.get("address", String.class),
                        row.get("postal_code", String.class),
                        row.get("city", String.class),
                        row.get("country", String.class),
                        trim(row.get("currency", String.class)),
                        row.get("email", String.class),
                        row.get("phone", String.class),
                        row.get("balance", BigDecimal.class),
                        row.get("overdue", BigDecimal.class),
                        row.get("open_items", Integer.class),
                        row.get("oldest_overdue", LocalDate.class),
                        List.of(),
                        row.get("version", Long.class),
                        limit(row.get("credit_limit", BigDecimal.class))))
                .one();
        return header.flatMap(c -> assignees(staff, c.id()).collectList()
                .map(a -> new Customer(c.id(), c.account(), c.name(), c.address(), c.postalCode(), c.city(),
                        c.country(), c.currency(), c.email(), c.phone(), c.balance(), c.overdue(), c.openItems(),
                        c.oldestOverdue(), List.copyOf(a), c.version(), c.creditLimit())));
    }

    private static String from(CustomerQuery query) {
        List<String> where = new ArrayList<>();
        where.add(Visibility.CONDITION);
        if (query.text() != null && !query.text().isBlank()) {
            where.add("(lower(c.account) like :text or lower(c.name) like :text)");
        }
        if (query.collectorId() != null) {
            where.add("exists (select 1 from customer_assignment f where f.customer_id = c.id "
                    + "and f.user_id = :collector and f.role = 'COLLECTOR')");
        }
        if (query.salesManagerId() != null) {
            where.add("exists (select 1 from customer_assignment f where f.customer_id = c.id "
                    + "and f.user_id = :salesManager and f.role = 'SALES_MANAGER')");
        }
        if (query.overdueOnly()) {
            where.add("b.overdue > 0");
        }
        return " from customer c left join customer_balance b on b.customer_id = c.id where "
                + String.join(" and ", where);
    }

    private static GenericExecuteSpec filters(GenericExecuteSpec spec, CustomerQuery query) {
        if (query.text() != null && !query.text().isBlank()) {
            spec = spec.bind("text", "%" + escapeLike(query.text().strip().toLowerCase()) + "%");
        }
        if (query.collectorId() != null) {
            spec = spec.bind("collector", query.collectorId());
        }
        if (query.salesManagerId() != null) {
            spec = spec.bind("salesManager", query.salesManagerId());
        }
        return spec;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A stored limit as people write it: 50000.00, not 50000.0000. */
    private static BigDecimal limit(BigDecimal stored) {
        return stored == null ? null : stored.setScale(Math.max(2, stored.stripTrailingZeros().scale()),
                java.math.RoundingMode.UNNECESSARY);
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
