package org.opendso.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The references of open items are checked per statement by the database (migration V4_0_2), not per row by
 * foreign keys: the same refusals must hold, for inserts, updates and deletes on the other side.
 */
@IntegrationTest
@Import(TestTenants.class)
class ItemReferencesIT {

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    @Test
    void anItemCannotBelongToACustomerOfAnotherCompany() {
        TestTenants.Other a = tenants.create("ref-a");
        TestTenants.Other b = tenants.create("ref-b");

        refused(insert(a.tenantId(), b.customerId(), "X-1"), "is not a customer of tenant");
        refused(insert(a.tenantId(), -1, "X-2"), "is not a customer of tenant");
        insert(a.tenantId(), a.customerId(), "X-3").as(StepVerifier::create).expectNext(1L).verifyComplete();
        refused(db.sql("update open_item set customer_id = :other where tenant_id = :t and number = 'X-3'")
                .bind("other", b.customerId()).bind("t", a.tenantId()).fetch().rowsUpdated(), "is not a customer of tenant");
        // one bad row among good ones refuses the whole statement
        refused(db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, due_date, amount, open_amount, currency)
                        values (:t, :mine, 'INVOICE', 'X-4', current_date, 1, 1, 'EUR'),
                               (:t, :theirs, 'INVOICE', 'X-5', current_date, 1, 1, 'EUR')""")
                .bind("t", a.tenantId()).bind("mine", a.customerId()).bind("theirs", b.customerId())
                .fetch().rowsUpdated(), "is not a customer of tenant");
        count(a.tenantId()).as(StepVerifier::create).expectNext(2L).verifyComplete(); // INV-1 and X-3
    }

    @Test
    void anItemTakesOnlyAStatusOfItsCompanyAndAStatusInUseCannotBeDeleted() {
        TestTenants.Other a = tenants.create("ref-s");
        TestTenants.Other b = tenants.create("ref-t");
        insert(a.tenantId(), a.customerId(), "S-1").block();
        long theirs = statusId(b.tenantId(), "LITIGATION");
        long mine = statusId(a.tenantId(), "LITIGATION");

        refused(setStatus(a.tenantId(), theirs), "is not a status of tenant");
        setStatus(a.tenantId(), mine).as(StepVerifier::create).expectNext(2L).verifyComplete();
        refused(db.sql("delete from item_status where id = :id").bind("id", mine).fetch().rowsUpdated(),
                "item_status still referenced by open items");
        refused(db.sql("update open_item set changed_by = -5 where tenant_id = :t").bind("t", a.tenantId())
                .fetch().rowsUpdated(), "no user -5");
        refused(db.sql("delete from customer where id = :id").bind("id", a.customerId()).fetch().rowsUpdated(),
                "customer still referenced by open items");
        // a status nobody uses still goes
        db.sql("delete from item_status where id = :id").bind("id", theirs).fetch().rowsUpdated()
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    private Mono<Long> insert(long tenant, long customer, String number) {
        return db.sql("""
                        insert into open_item (tenant_id, customer_id, type, number, due_date, amount, open_amount, currency)
                        values (:t, :c, 'INVOICE', :n, current_date, 10, 10, 'EUR')""")
                .bind("t", tenant).bind("c", customer).bind("n", number).fetch().rowsUpdated();
    }

    private Mono<Long> setStatus(long tenant, long status) {
        return db.sql("update open_item set status_id = :s where tenant_id = :t")
                .bind("s", status).bind("t", tenant).fetch().rowsUpdated();
    }

    private long statusId(long tenant, String code) {
        return db.sql("select id from item_status where tenant_id = :t and code = :c")
                .bind("t", tenant).bind("c", code).map(row -> row.get("id", Long.class)).one().block();
    }

    private Mono<Long> count(long tenant) {
        return db.sql("select count(*) as n from open_item where tenant_id = :t").bind("t", tenant)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static void refused(Mono<?> statement, String message) {
        statement.as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining(message))
                .verify();
    }
}
