package org.opendso.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import reactor.test.StepVerifier;

@IntegrationTest
@Import(TestTenants.class)
class CustomersIT {

    @Autowired
    Customers customers;

    @Autowired
    Contacts contacts;

    @Autowired
    TestTenants tenants;

    @Test
    void searchFindsByAccountOrNameCaseInsensitively() {
        Staff admin = tenants.demo("admin");
        customers.search(admin, CustomerQuery.text("demo-01")).map(CustomerRow::account).collectList()
                .as(StepVerifier::create)
                .assertNext(accounts -> assertThat(accounts).hasSize(10).allMatch(a -> a.startsWith("DEMO-01")))
                .verifyComplete();
        customers.search(admin, CustomerQuery.text("ATELIER")).map(CustomerRow::name).as(StepVerifier::create)
                .expectNext("Atelier Martin").verifyComplete();
        // LIKE wildcards typed by a user are literal
        customers.count(admin, CustomerQuery.text("%")).as(StepVerifier::create).expectNext(0L).verifyComplete();
    }

    @Test
    void overdueOnlyAndSortByOverdue() {
        Staff admin = tenants.demo("admin");
        CustomerQuery overdue = new CustomerQuery(null, null, null, true, CustomerQuery.Sort.OVERDUE, true, 0, 100);
        customers.search(admin, overdue).collectList().as(StepVerifier::create)
                .assertNext(rows -> {
                    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.overdue()).isPositive());
                    assertThat(rows).extracting(CustomerRow::overdue)
                            .isSortedAccordingTo((a, b) -> b.compareTo(a));
                })
                .verifyComplete();
    }

    @Test
    void filterByAssignedCollector() {
        Staff admin = tenants.demo("admin");
        Staff collector = tenants.demo("collector");
        CustomerQuery mine = new CustomerQuery(null, collector.userId(), null, false, null, false, 0, 100);
        customers.count(admin, mine).as(StepVerifier::create).expectNext(40L).verifyComplete();
    }

    @Test
    void onlyAnAdminAssignsAndOnlyWithinTheTenant() {
        TestTenants.Other other = tenants.create("assign");
        Staff demoAdmin = tenants.demo("admin");
        // the collector of another tenant cannot be assigned to demo customers
        customers.assign(demoAdmin, List.of(1L, 2L), other.collector().userId(), AssignmentRole.COLLECTOR)
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
        // a demo admin cannot assign the other tenant's customer
        customers.assign(demoAdmin, List.of(other.customerId()), demoAdmin.userId(), AssignmentRole.COLLECTOR)
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
        // a collector may not assign at all
        customers.assign(other.collector(), List.of(other.customerId()), other.collector().userId(), AssignmentRole.COLLECTOR)
                .as(StepVerifier::create).expectError(AccessDeniedException.class).verify();

        customers.find(other.collector(), "DEMO-001").as(StepVerifier::create).verifyComplete();
        customers.assign(other.admin(), List.of(other.customerId()), other.collector().userId(), AssignmentRole.COLLECTOR)
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        customers.find(other.collector(), "DEMO-001").as(StepVerifier::create)
                .assertNext(c -> {
                    assertThat(c.name()).isEqualTo("Secret Customer of assign");
                    assertThat(c.assignees()).extracting(Assignee::login).containsExactly("assign-collector");
                })
                .verifyComplete();
        // a collector cannot be made sales manager
        customers.assign(other.admin(), List.of(other.customerId()), other.collector().userId(), AssignmentRole.SALES_MANAGER)
                .as(StepVerifier::create).expectNext(0L).verifyComplete();
        customers.unassign(other.admin(), other.customerId(), other.collector().userId())
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        customers.find(other.collector(), "DEMO-001").as(StepVerifier::create).verifyComplete();
    }

    @Test
    void massAssignmentFromASearch() {
        TestTenants.Other other = tenants.create("mass");
        customers.assignAll(other.admin(), CustomerQuery.text("secret"), other.collector().userId(), AssignmentRole.COLLECTOR)
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        customers.count(other.collector(), CustomerQuery.text("")).as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    @Test
    void contactsAreSavedWithOptimisticLockingAndOneCollectionContact() {
        TestTenants.Other other = tenants.create("contacts");
        Staff admin = other.admin();
        Long first = contacts.save(admin, new Contact(null, other.customerId(), "Jane Payable", "AP", "jane@x.example", "", true, 0)).block();
        Long second = contacts.save(admin, new Contact(null, other.customerId(), "Joe CFO", "CFO", "joe@x.example", "", true, 0)).block();
        contacts.of(admin, other.customerId()).collectList().as(StepVerifier::create)
                .assertNext(list -> {
                    assertThat(list).hasSize(2);
                    assertThat(list).filteredOn(Contact::collectionContact).extracting(Contact::id).containsExactly(second);
                })
                .verifyComplete();
        Contact jane = contacts.of(admin, other.customerId()).filter(c -> c.id().equals(first)).blockFirst();
        contacts.save(admin, new Contact(jane.id(), jane.customerId(), "Jane P.", "AP", jane.email(), "", false, jane.version()))
                .as(StepVerifier::create).expectNext(first).verifyComplete();
        // the same stale version again is a conflict, not an overwrite
        contacts.save(admin, new Contact(jane.id(), jane.customerId(), "Jane Stale", "AP", jane.email(), "", false, jane.version()))
                .as(StepVerifier::create).expectError(OptimisticLockingFailureException.class).verify();
        // the demo admin cannot see or change these contacts
        contacts.of(tenants.demo("admin"), other.customerId()).as(StepVerifier::create).verifyComplete();
        contacts.save(tenants.demo("admin"), new Contact(null, other.customerId(), "Intruder", "", "", "", false, 0))
                .as(StepVerifier::create).expectError(IllegalArgumentException.class).verify();
        contacts.delete(tenants.demo("admin"), other.customerId(), first).block();
        contacts.of(admin, other.customerId()).count().as(StepVerifier::create).expectNext(2L).verifyComplete();
    }
}
