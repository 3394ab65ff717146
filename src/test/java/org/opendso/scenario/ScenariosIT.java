package org.opendso.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.CustomerQuery;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@Import(TestTenants.class)
class ScenariosIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Scenarios scenarios;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    @Test
    void aNewCompanyStartsWithThreeManualScenariosAndStandardIsTheDefault() {
        TestTenants.Other other = tenants.create("sc-standard");
        scenarios.all(other.tenantId()).collectList().as(StepVerifier::create)
                .assertNext(all -> {
                    assertThat(all).extracting(Scenario::name).containsExactly("Standard", "Export", "Strategic accounts");
                    assertThat(all).extracting(Scenario::isDefault).containsExactly(true, false, false);
                    assertThat(all).allSatisfy(s -> {
                        assertThat(s.standard()).isTrue();
                        assertThat(s.steps()).hasSize(5).allSatisfy(step -> {
                            assertThat(step.mode()).isEqualTo(StepMode.MANUAL);
                            assertThat(step.recipient()).isEqualTo(Recipient.COLLECTION_CONTACT);
                            assertThat(step.template() != null).isEqualTo(step.kind().usesTemplate());
                        });
                        assertThat(s.steps()).extracting(ScenarioStep::position).containsExactly(0, 1, 2, 3, 4);
                    });
                    Scenario standard = all.getFirst();
                    assertThat(standard.steps()).extracting(ScenarioStep::offsetDays).containsExactly(-5, 5, 15, 30, 45);
                    assertThat(standard.steps()).extracting(ScenarioStep::kind).containsExactly(StepKind.EMAIL,
                            StepKind.EMAIL, StepKind.CALL, StepKind.EMAIL, StepKind.LETTER);
                    assertThat(standard.steps()).extracting(ScenarioStep::template).containsExactly("PRE_DUE_REMINDER",
                            "FIRST_REMINDER", null, "SECOND_REMINDER", "FORMAL_NOTICE");
                    Scenario strategic = all.getLast();
                    assertThat(strategic.steps()).extracting(ScenarioStep::offsetDays).containsExactly(-3, 3, 10, 20, 40);
                    assertThat(strategic.steps().getFirst().kind()).isEqualTo(StepKind.CALL);
                    assertThat(all.get(1).steps()).extracting(ScenarioStep::offsetDays).containsExactly(-10, 10, 25, 40, 60);
                })
                .verifyComplete();
        // the demo company got them too (created by the migration's trigger as well)
        scenarios.byDefault(1).map(Scenario::name).as(StepVerifier::create).expectNext("Standard").verifyComplete();
    }

    @Test
    void anAdminCreatesUpdatesAndReordersAScenarioAndAStaleVersionIsAConflict() {
        Staff admin = tenants.demo("admin");
        List<ScenarioStep> steps = List.of(
                ScenarioStep.of(-2, StepKind.EMAIL, " pre_due_reminder "),
                new ScenarioStep(0, 7, StepKind.INTERNAL_TASK, null, Recipient.INTERNAL_USER, "Collector", null, "Check"),
                new ScenarioStep(0, 20, StepKind.LETTER, "FORMAL_NOTICE", null, null, StepMode.AUTO_WITH_CONFIRMATION, null));
        Scenario created = scenarios.create(admin, new ScenarioDraft("  Big retail ", "Chains", steps)).block();
        assertThat(created.name()).isEqualTo("Big retail");
        assertThat(created.version()).isZero();
        assertThat(created.isDefault()).isFalse();
        assertThat(created.standard()).isFalse();
        assertThat(created.steps()).extracting(ScenarioStep::template).containsExactly("PRE_DUE_REMINDER", null, "FORMAL_NOTICE");
        assertThat(created.steps().get(1).user()).isEqualTo("collector");
        assertThat(created.steps().get(2).recipient()).isEqualTo(Recipient.COLLECTION_CONTACT);
        assertThat(created.steps().get(2).mode()).isEqualTo(StepMode.AUTO_WITH_CONFIRMATION);
        assertThat(created.steps().get(0).mode()).isEqualTo(StepMode.MANUAL);

        // reorder: the letter first, the email dropped, a call added at the end
        List<ScenarioStep> reordered = List.of(created.steps().get(2), created.steps().get(1),
                ScenarioStep.of(30, StepKind.CALL, null));
        scenarios.update(admin, created.id(), new ScenarioDraft("Big retail chains", "", reordered), 0L)
                .as(StepVerifier::create)
                .assertNext(s -> {
                    assertThat(s.name()).isEqualTo("Big retail chains");
                    assertThat(s.version()).isEqualTo(1);
                    assertThat(s.steps()).extracting(ScenarioStep::kind)
                            .containsExactly(StepKind.LETTER, StepKind.INTERNAL_TASK, StepKind.CALL);
                    assertThat(s.steps()).extracting(ScenarioStep::position).containsExactly(0, 1, 2);
                })
                .verifyComplete();

        // a second admin still holding version 0 does not overwrite it, and learns the current state
        scenarios.update(admin, created.id(), new ScenarioDraft("Stale", "", List.of()), 0L)
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ScenarioChanged.class).hasMessageContaining("version 1");
                    assertThat(((ScenarioChanged) e).current().name()).isEqualTo("Big retail chains");
                    assertThat(((ScenarioChanged) e).current().steps()).hasSize(3);
                })
                .verify();
        scenarios.byId(admin.tenantId(), created.id()).map(s -> s.steps().size()).as(StepVerifier::create)
                .expectNext(3).verifyComplete();

        // names are unique whatever the case
        scenarios.create(admin, new ScenarioDraft("BIG RETAIL CHAINS", "", List.of())).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidScenario.class)
                        .hasFieldOrPropertyWithValue("field", "name"))
                .verify();
        scenarios.update(admin, created.id(), new ScenarioDraft("export", "", List.of()), null).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidScenario.class)
                        .hasFieldOrPropertyWithValue("field", "name"))
                .verify();
        scenarios.update(admin, 999_999, new ScenarioDraft("x", "", List.of()), null).as(StepVerifier::create)
                .expectError(UnknownScenario.class).verify();
    }

    @Test
    void stepMistakesAreRefusedNamingTheField() {
        Staff admin = tenants.demo("admin");
        assertInvalid(admin, new ScenarioDraft(" ", "", List.of()), "name");
        assertInvalid(admin, new ScenarioDraft("x".repeat(81), "", List.of()), "name");
        assertInvalid(admin, draft(ScenarioStep.of(5, StepKind.CALL, null), ScenarioStep.of(-366, StepKind.CALL, null)),
                "steps[1].offsetDays");
        assertInvalid(admin, draft(ScenarioStep.of(3651, StepKind.CALL, null)), "steps[0].offsetDays");
        assertInvalid(admin, draft(ScenarioStep.of(5, null, null)), "steps[0].kind");
        assertInvalid(admin, draft(ScenarioStep.of(5, StepKind.EMAIL, " ")), "steps[0].template");
        assertInvalid(admin, draft(ScenarioStep.of(5, StepKind.LETTER, null)), "steps[0].template");
        assertInvalid(admin, draft(ScenarioStep.of(5, StepKind.CALL, "FIRST_REMINDER")), "steps[0].template");
        assertInvalid(admin, draft(ScenarioStep.of(5, StepKind.EMAIL, "not a code!")), "steps[0].template");
        assertInvalid(admin, draft(new ScenarioStep(0, 5, StepKind.CALL, null, Recipient.INTERNAL_USER, null, null, "")),
                "steps[0].user");
        assertInvalid(admin, draft(new ScenarioStep(0, 5, StepKind.CALL, null, Recipient.INTERNAL_USER, "nobody", null, "")),
                "steps[0].user");
        assertInvalid(admin, draft(new ScenarioStep(0, 5, StepKind.CALL, null, Recipient.ALL_CONTACTS, "admin", null, "")),
                "steps[0].user");
        // another company's user is not a user of this one
        TestTenants.Other other = tenants.create("sc-users");
        assertInvalid(admin, draft(new ScenarioStep(0, 5, StepKind.CALL, null, Recipient.INTERNAL_USER,
                other.admin().login(), null, "")), "steps[0].user");
        // the bounds themselves are fine; nothing of the refused drafts was saved
        scenarios.create(admin, new ScenarioDraft("Bounds", "", List.of(ScenarioStep.of(-365, StepKind.CALL, null),
                        ScenarioStep.of(3650, StepKind.INTERNAL_TASK, null))))
                .map(s -> s.steps().size()).as(StepVerifier::create).expectNext(2).verifyComplete();
        scenarios.byName(admin.tenantId(), "Invalid").as(StepVerifier::create).verifyComplete();
    }

    @Test
    void onlyAnAdministratorChangesScenarios() {
        Staff collector = tenants.demo("collector");
        Staff sales = tenants.demo("sales");
        scenarios.create(collector, new ScenarioDraft("Mine", "", List.of())).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        Scenario export = scenarios.byName(1, "Export").block();
        scenarios.update(sales, export.id(), new ScenarioDraft("Mine", "", List.of()), null).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        scenarios.delete(collector, export.id(), null).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        scenarios.makeDefault(collector, export.id()).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        scenarios.assignAll(collector, CustomerQuery.text("DEMO"), export.id()).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        // but everyone reads them
        scenarios.all(collector.tenantId()).count().as(StepVerifier::create)
                .assertNext(n -> assertThat(n).isGreaterThanOrEqualTo(3)).verifyComplete();
    }

    @Test
    void aScenarioFollowedByAccountsIsDeletedOnlyWithAReplacementThatTheyMoveTo() {
        TestTenants.Other other = tenants.create("sc-delete");
        Staff admin = other.admin();
        Scenario doomed = scenarios.create(admin, new ScenarioDraft("Doomed", "", List.of(ScenarioStep.of(1, StepKind.CALL, null)))).block();
        Scenario export = scenarios.byName(other.tenantId(), "Export").block();
        long second = customer(other.tenantId(), "SC-DEL-2");
        scenarios.assign(admin, "DEMO-001", doomed.id()).block();
        scenarios.assign(admin, "SC-DEL-2", doomed.id()).block();

        scenarios.delete(admin, doomed.id(), null).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ScenarioInUse.class)
                        .hasMessageContaining("2 customer accounts follow").hasMessageContaining("Doomed")
                        .hasFieldOrPropertyWithValue("accounts", 2L))
                .verify();
        scenarios.delete(admin, doomed.id(), doomed.id()).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidScenario.class)
                        .hasFieldOrPropertyWithValue("field", "replacement"))
                .verify();
        scenarios.delete(admin, doomed.id(), export.id()).as(StepVerifier::create)
                .expectNext(new ScenarioDeletion("Doomed", "Export", 2))
                .verifyComplete();

        scenarios.byId(other.tenantId(), doomed.id()).as(StepVerifier::create).verifyComplete();
        scenarios.ofCustomer(other.tenantId(), second).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.scenario().name()).isEqualTo("Export");
                    assertThat(a.followsDefault()).isFalse();
                })
                .verifyComplete();
        JsonNode event = lastScenarioEvent(second);
        assertThat(event.get("scenario").asString()).isEqualTo("Export");
        assertThat(event.get("scenarioId").asLong()).isEqualTo(export.id());
        assertThat(event.get("default").asBoolean()).isFalse();

        // a scenario nobody follows goes without a replacement
        Scenario unused = scenarios.create(admin, new ScenarioDraft("Unused", "", List.of())).block();
        scenarios.delete(admin, unused.id(), null).as(StepVerifier::create)
                .expectNext(new ScenarioDeletion("Unused", null, 0)).verifyComplete();
    }

    @Test
    void theDefaultScenarioCannotBeDeletedAndMakingAnotherOneTheDefaultMovesTheDefaultFollowers() {
        TestTenants.Other other = tenants.create("sc-default");
        Staff admin = other.admin();
        Scenario standard = scenarios.byDefault(other.tenantId()).block();
        scenarios.delete(admin, standard.id(), null).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidScenario.class)
                        .hasFieldOrPropertyWithValue("field", "id").hasMessageContaining("default"))
                .verify();

        Scenario export = scenarios.byName(other.tenantId(), "Export").block();
        scenarios.makeDefault(admin, export.id()).map(Scenario::isDefault).as(StepVerifier::create)
                .expectNext(true).verifyComplete();
        scenarios.all(other.tenantId()).filter(Scenario::isDefault).map(Scenario::name).collectList()
                .as(StepVerifier::create).expectNext(List.of("Export")).verifyComplete();
        // the customer without a scenario of its own follows the new default
        scenarios.ofCustomer(other.tenantId(), other.customerId()).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.scenario().name()).isEqualTo("Export");
                    assertThat(a.followsDefault()).isTrue();
                })
                .verifyComplete();
        // and the former default is an ordinary scenario now, which can go
        scenarios.delete(admin, standard.id(), null).map(ScenarioDeletion::name).as(StepVerifier::create)
                .expectNext("Standard").verifyComplete();
    }

    @Test
    void assigningAScenarioWritesTheEventOnTheAccountAndNullGoesBackToTheDefault() {
        TestTenants.Other other = tenants.create("sc-assign");
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", other.tenantId()).bind("c", other.customerId()).bind("u", other.collector().userId())
                .then().block();
        Scenario strategic = scenarios.byName(other.tenantId(), "strategic ACCOUNTS").block();
        scenarios.assign(other.collector(), "DEMO-001", strategic.id()).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.account()).isEqualTo("DEMO-001");
                    assertThat(a.scenario().name()).isEqualTo("Strategic accounts");
                    assertThat(a.followsDefault()).isFalse();
                })
                .verifyComplete();
        JsonNode event = lastScenarioEvent(other.customerId());
        assertThat(event.get("scenarioId").asLong()).isEqualTo(strategic.id());
        assertThat(event.get("scenario").asString()).isEqualTo("Strategic accounts");
        assertThat(event.get("default").asBoolean()).isFalse();
        assertThat(actorOfLastScenarioEvent(other.customerId())).isEqualTo(other.collector().name());

        scenarios.assign(other.admin(), "DEMO-001", null).as(StepVerifier::create)
                .assertNext(a -> {
                    assertThat(a.scenario().name()).isEqualTo("Standard");
                    assertThat(a.followsDefault()).isTrue();
                })
                .verifyComplete();
        event = lastScenarioEvent(other.customerId());
        assertThat(event.get("scenarioId").isNull()).isTrue();
        assertThat(event.get("scenario").asString()).isEqualTo("Standard");
        assertThat(event.get("default").asBoolean()).isTrue();
        assertThat(scenarioEvents(other.customerId())).isEqualTo(2);
    }

    @Test
    void anAdminAssignsAScenarioToEveryAccountOfASearchWithOneEventEach() {
        TestTenants.Other other = tenants.create("sc-mass");
        Staff admin = other.admin();
        long a = customer(other.tenantId(), "EXP-A");
        long b = customer(other.tenantId(), "EXP-B");
        Scenario export = scenarios.byName(other.tenantId(), "Export").block();
        scenarios.assignAll(admin, CustomerQuery.text("exp-"), export.id()).as(StepVerifier::create)
                .expectNext(2L).verifyComplete();
        assertThat(lastScenarioEvent(a).get("scenario").asString()).isEqualTo("Export");
        assertThat(lastScenarioEvent(b).get("scenarioId").asLong()).isEqualTo(export.id());
        assertThat(scenarioEvents(other.customerId())).isZero();
        scenarios.ofCustomer(other.tenantId(), other.customerId()).map(AccountScenario::followsDefault)
                .as(StepVerifier::create).expectNext(true).verifyComplete();
        // again: nothing changes, so no new events
        scenarios.assignAll(admin, CustomerQuery.text("exp-"), export.id()).as(StepVerifier::create)
                .expectNext(0L).verifyComplete();
        assertThat(scenarioEvents(a)).isEqualTo(1);
        // back to the default, in mass
        scenarios.assignAll(admin, CustomerQuery.text("exp-"), null).as(StepVerifier::create)
                .expectNext(2L).verifyComplete();
        assertThat(lastScenarioEvent(b).get("default").asBoolean()).isTrue();
    }

    @Test
    void aMassAssignmentFollowsTheListsFiltersForThousandsOfAccountsAndTouchesNoOtherCompany() {
        TestTenants.Other other = tenants.create("sc-bulk");
        TestTenants.Other neighbour = tenants.create("sc-bulk-n");
        // 2,500 accounts, every fifth one with an overdue invoice; the neighbour has the same account references
        for (long tenant : List.of(other.tenantId(), neighbour.tenantId())) {
            db.sql("""
                    insert into customer (tenant_id, account, name)
                    select :t, 'BULK-' || lpad(g::text, 4, '0'), 'Bulk ' || g from generate_series(1, 2500) g""")
                    .bind("t", tenant).then().block();
        }
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                select c.tenant_id, c.id, 'INVOICE', 'B-' || c.account, current_date - 60, current_date - 30, 100, 100, 'EUR'
                from customer c where c.tenant_id = :t and c.account like 'BULK-%'
                  and substr(c.account, 6)::int % 5 = 0""").bind("t", other.tenantId()).then().block();
        balances.refreshTenant(other.tenantId()).block();
        Scenario export = scenarios.byName(other.tenantId(), "Export").block();
        CustomerQuery overdueBulk = new CustomerQuery("bulk-", null, null, true, CustomerQuery.Sort.ACCOUNT, false, 0, 50);
        long shown = customers.count(other.admin(), overdueBulk).block();
        assertThat(shown).isEqualTo(500);

        scenarios.assignAll(other.admin(), overdueBulk, export.id()).as(StepVerifier::create)
                .expectNext(shown).verifyComplete();
        assertThat(count("select count(*) from customer where tenant_id = :t and scenario_id is not null", other.tenantId()))
                .isEqualTo(shown);
        assertThat(count("select count(*) from event where tenant_id = :t and type = 'SCENARIO_ASSIGNED'", other.tenantId()))
                .isEqualTo(shown);
        assertThat(count("select count(*) from customer where tenant_id = :t and scenario_id is not null", neighbour.tenantId()))
                .isZero();

        // an unknown scenario (another company's) and a collector change nothing
        Scenario theirs = scenarios.byName(neighbour.tenantId(), "Export").block();
        scenarios.assignAll(other.admin(), CustomerQuery.text("bulk-"), theirs.id()).as(StepVerifier::create)
                .expectError(UnknownScenario.class).verify();
        scenarios.assignAll(other.collector(), CustomerQuery.text("bulk-"), null).as(StepVerifier::create)
                .expectError(AccessDeniedException.class).verify();
        assertThat(count("select count(*) from customer where tenant_id = :t and scenario_id is not null", other.tenantId()))
                .isEqualTo(shown);
    }

    @Autowired
    org.opendso.customer.Customers customers;

    @Autowired
    org.opendso.item.AccountBalances balances;

    private long count(String sql, long tenant) {
        return db.sql(sql).bind("t", tenant).map((r, m) -> ((Number) r.get(0)).longValue()).one().block();
    }

    @Test
    void anotherCompanysScenarioIsInvisibleAndCannotBeAssigned() {
        TestTenants.Other other = tenants.create("sc-iso");
        Scenario theirs = scenarios.create(other.admin(), new ScenarioDraft("Theirs", "", List.of())).block();
        Staff admin = tenants.demo("admin");
        scenarios.byId(admin.tenantId(), theirs.id()).as(StepVerifier::create).verifyComplete();
        scenarios.all(admin.tenantId()).map(Scenario::id).collectList().as(StepVerifier::create)
                .assertNext(ids -> assertThat(ids).doesNotContain(theirs.id())).verifyComplete();
        scenarios.assign(admin, "DEMO-001", theirs.id()).as(StepVerifier::create)
                .expectError(UnknownScenario.class).verify();
        scenarios.update(admin, theirs.id(), new ScenarioDraft("Hijacked", "", List.of()), null).as(StepVerifier::create)
                .expectError(UnknownScenario.class).verify();
        scenarios.delete(admin, theirs.id(), null).as(StepVerifier::create)
                .expectError(UnknownScenario.class).verify();
        // nor can their accounts be reached from here: DEMO-001 above was the demo company's own account
        scenarios.ofCustomer(admin.tenantId(), other.customerId()).as(StepVerifier::create).verifyComplete();
        scenarios.byId(other.tenantId(), theirs.id()).map(Scenario::name).as(StepVerifier::create)
                .expectNext("Theirs").verifyComplete();
        // and their account got no scenario event from anything done here
        assertThat(scenarioEvents(other.customerId())).isZero();
    }

    @Test
    void aSalesManagerAssignsOnlyAccountsTheySee() {
        Staff sales = tenants.demo("sales");
        Scenario export = scenarios.byName(sales.tenantId(), "Export").block();
        // the demo assigns the sales manager to odd-numbered accounts (DEMO-001, DEMO-003, ...) only
        scenarios.assign(sales, "DEMO-002", export.id()).as(StepVerifier::create)
                .expectError(UnknownAccount.class).verify();
        scenarios.assign(sales, "DEMO-003", export.id()).map(a -> a.scenario().name()).as(StepVerifier::create)
                .expectNext("Export").verifyComplete();
        scenarios.assign(sales, "DEMO-003", null).map(AccountScenario::followsDefault).as(StepVerifier::create)
                .expectNext(true).verifyComplete();
    }

    @Test
    void thePreviewDatesTheStepsFromTheOldestOverdueInvoice() {
        TestTenants.Other other = tenants.create("sc-preview");
        Scenario standard = scenarios.byDefault(other.tenantId()).block();
        LocalDate due = LocalDate.now().minusDays(30); // TestTenants' INV-1
        scenarios.preview(other.admin(), standard.id(), "DEMO-001", LocalDate.now()).collectList()
                .as(StepVerifier::create)
                .assertNext(timeline -> assertThat(timeline).extracting(ScheduledStep::date).containsExactly(
                        due.minusDays(5), due.plusDays(5), due.plusDays(15), due.plusDays(30), due.plusDays(45)))
                .verifyComplete();
        customer(other.tenantId(), "SC-NOTHING");
        scenarios.preview(other.admin(), standard.id(), "SC-NOTHING", LocalDate.now()).as(StepVerifier::create)
                .verifyComplete();
        scenarios.preview(tenants.demo("admin"), standard.id(), "DEMO-001", LocalDate.now()).as(StepVerifier::create)
                .expectError(UnknownScenario.class).verify();
    }

    private void assertInvalid(Staff admin, ScenarioDraft draft, String field) {
        scenarios.create(admin, draft).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidScenario.class)
                        .hasFieldOrPropertyWithValue("field", field))
                .verify();
    }

    private static ScenarioDraft draft(ScenarioStep... steps) {
        return new ScenarioDraft("Invalid", "", List.of(steps));
    }

    private long customer(long tenant, String account) {
        return db.sql("insert into customer (tenant_id, account, name) values (:t, :a, :a) returning id")
                .bind("t", tenant).bind("a", account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }

    private JsonNode lastScenarioEvent(long customerId) {
        String payload = db.sql("""
                        select payload::text as p from event
                        where customer_id = :c and type = 'SCENARIO_ASSIGNED' order by seq desc limit 1""")
                .bind("c", customerId).map((r, m) -> r.get("p", String.class)).one().block();
        assertThat(payload).as("a SCENARIO_ASSIGNED event").isNotNull();
        return JSON.readTree(payload);
    }

    private String actorOfLastScenarioEvent(long customerId) {
        return db.sql("""
                        select actor_name from event
                        where customer_id = :c and type = 'SCENARIO_ASSIGNED' order by seq desc limit 1""")
                .bind("c", customerId).map((r, m) -> r.get("actor_name", String.class)).one().block();
    }

    private long scenarioEvents(long customerId) {
        return db.sql("select count(*) as n from event where customer_id = :c and type = 'SCENARIO_ASSIGNED'")
                .bind("c", customerId).map((r, m) -> r.get("n", Long.class)).one().block();
    }
}
