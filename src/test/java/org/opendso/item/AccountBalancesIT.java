package org.opendso.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.Customers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

@IntegrationTest
@Import(TestTenants.class)
class AccountBalancesIT {

    @Autowired
    AccountBalances balances;

    @Autowired
    Customers customers;

    @Autowired
    OpenItems items;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    @Test
    void balanceOverdueAndOldestOverdueFollowTheItems() {
        TestTenants.Other other = tenants.create("bal");
        LocalDate today = LocalDate.now();
        insert(other, "INVOICE", "INV-2", today.minusDays(90), "100.50", "100.50");
        insert(other, "INVOICE", "INV-3", today, "200", "200");                  // due today: not overdue
        insert(other, "CREDIT_NOTE", "CN-1", today.minusDays(5), "-50", "-50");
        insert(other, "INVOICE", "INV-4", today.minusDays(200), "70", "70");
        db.sql("update open_item set closed_at = now() where number = 'INV-4' and tenant_id = :t")
                .bind("t", other.tenantId()).then().block();

        balances.refresh(other.tenantId(), List.of(other.customerId())).as(StepVerifier::create).verifyComplete();

        customers.find(other.admin(), other.customerId()).as(StepVerifier::create)
                .assertNext(c -> {
                    // INV-1 999.99 (30 days overdue) + INV-2 100.50 + INV-3 200 - CN-1 50
                    assertThat(c.balance()).isEqualByComparingTo("1250.49");
                    assertThat(c.overdue()).isEqualByComparingTo("1050.49");
                    assertThat(c.openItems()).isEqualTo(4);
                    assertThat(c.oldestOverdue()).isEqualTo(today.minusDays(90));
                    assertThat(c.oldestOverdueDays(today)).isEqualTo(90);
                })
                .verifyComplete();

        items.ofCustomer(other.tenantId(), other.customerId(), ItemFilter.CLOSED).map(OpenItem::number)
                .as(StepVerifier::create).expectNext("INV-4").verifyComplete();
        items.ofCustomer(other.tenantId(), other.customerId(), ItemFilter.OPEN)
                .filter(i -> i.number().equals("INV-3")).as(StepVerifier::create)
                .assertNext(i -> assertThat(i.daysOverdue(today)).isZero())
                .verifyComplete();
        // items are tenant-scoped even with a right customer id
        items.ofCustomer(1L, other.customerId(), ItemFilter.ALL).as(StepVerifier::create).verifyComplete();
    }

    @Test
    void staleFiguresAreRefreshedForTheNewDay() {
        db.sql("update customer_balance set as_of = current_date - 1, overdue = 0 where tenant_id = 1").then().block();
        balances.refreshStale().as(StepVerifier::create)
                .assertNext(n -> assertThat(n).isGreaterThanOrEqualTo(50L))
                .verifyComplete();
        db.sql("select count(*) as n from customer_balance where tenant_id = 1 and as_of < current_date")
                .map((r, m) -> r.get("n", Long.class)).one()
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
    }

    private void insert(TestTenants.Other other, String type, String number, LocalDate due, String amount, String open) {
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (:t, :c, :type, :n, :due, :due, :a, :o, 'EUR')""")
                .bind("t", other.tenantId()).bind("c", other.customerId()).bind("type", type).bind("n", number)
                .bind("due", due).bind("a", new BigDecimal(amount)).bind("o", new BigDecimal(open))
                .then().block();
    }
}
