package org.opendso.realtime;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.opendso.customer.AssignmentRole;
import org.opendso.customer.Customers;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Accounts of their own for stream tests (tests of one run share the database, and other tests write events on the
 * demo accounts), and events appended the way services do: each in its own transaction. Test setup code, so
 * waiting for the database is fine here.
 */
@Component
public class StreamFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final DatabaseClient db;
    private final EventLog log;
    private final TransactionalOperator tx;
    private final Customers customers;

    StreamFixtures(DatabaseClient db, EventLog log, TransactionalOperator tx, Customers customers) {
        this.db = db;
        this.log = log;
        this.tx = tx;
        this.customers = customers;
    }

    public Staff staff(String login) {
        return db.sql("select id, tenant_id, login, name, role, locale from app_user where login = :l")
                .bind("l", login)
                .map((r, m) -> new Staff(r.get("tenant_id", Long.class), r.get("id", Long.class), r.get("login", String.class),
                        r.get("name", String.class), Role.valueOf(r.get("role", String.class)), r.get("locale", String.class)))
                .one().block();
    }

    /** The demo company. */
    public long demoTenant() {
        return staff("admin").tenantId();
    }

    /** A new customer account with a unique reference (returned by {@link #account}). */
    public long customer(long tenantId) {
        String account = "ST-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        return db.sql("insert into customer (tenant_id, account, name) values (:t, :a, :n) returning id")
                .bind("t", tenantId).bind("a", account).bind("n", "Stream test " + account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }

    public String account(long customerId) {
        return db.sql("select account from customer where id = :c").bind("c", customerId)
                .map((r, m) -> r.get("account", String.class)).one().block();
    }

    /** Assigns a demo staff member to the account (through the service, as an administrator would). */
    public void assign(long customerId, String login, AssignmentRole role) {
        customers.assign(staff("admin"), List.of(customerId), staff(login).userId(), role).block();
    }

    /** An open invoice due 30 days ago. */
    public void invoice(long tenantId, long customerId, String number) {
        db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                        values (:t, :c, 'INVOICE', :n, :issue, :due, 120.00, 120.00, 'EUR')""")
                .bind("t", tenantId).bind("c", customerId).bind("n", number)
                .bind("issue", LocalDate.now().minusDays(60)).bind("due", LocalDate.now().minusDays(30))
                .then().block();
    }

    /** One event in a transaction of its own. */
    public Mono<AccountEvent> append(long tenantId, long customerId, String note) {
        return log.append(Actor.system("stream test"), tenantId, customerId, EventType.COMMENT_ADDED, Map.of("comment", note))
                .as(tx::transactional);
    }

    /** One event, committed only once {@code commit} completes (a long transaction); {@code appended} sees it first. */
    public Mono<AccountEvent> appendAndHold(long tenantId, long customerId, String note, Mono<Void> commit,
                                            java.util.function.Consumer<AccountEvent> appended) {
        return log.append(Actor.system("stream test"), tenantId, customerId, EventType.COMMENT_ADDED, Map.of("comment", note))
                .doOnNext(appended)
                .flatMap(e -> commit.thenReturn(e))
                .as(tx::transactional);
    }

    /** {@code count} events one after the other, each committed on its own. */
    public Flux<AccountEvent> appendEach(long tenantId, long customerId, int count) {
        return Flux.range(1, count).concatMap(i -> append(tenantId, customerId, "note " + i));
    }

    /** {@code count} events in one transaction (quick history). */
    public void history(long tenantId, long customerId, int count) {
        Flux.range(1, count)
                .concatMap(i -> log.append(Actor.system("stream test"), tenantId, customerId, EventType.COMMENT_ADDED,
                        Map.of("comment", "old " + i)))
                .as(tx::transactional)
                .blockLast();
    }
}
