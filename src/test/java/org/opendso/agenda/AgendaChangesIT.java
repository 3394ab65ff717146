package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.agenda.AgendaFixture.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Incremental generation: whatever changes an account's items, specific actions or scenario marks the account in
 * the changing statement (migration V4_9), and a run over the marks regenerates those accounts only.
 */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, AgendaFixture.FixedClock.class})
class AgendaChangesIT {

    @Autowired
    Agenda agenda;

    @Autowired
    AgendaFixture fx;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    TestTenants.Other other;
    long scenario;

    @BeforeEach
    void tenant() {
        other = tenants.create("ch-" + System.nanoTime());
        scenario = fx.scenario(other.tenantId(), "Changes", 5, "CALL", 20, "LETTER");
        // the new tenant's own customer and item are marked: start from none
        db.sql("delete from agenda_change where tenant_id = :t").bind("t", other.tenantId()).then().block();
    }

    long customer(String account) {
        return fx.customer(other.tenantId(), account, scenario, other.collector().userId());
    }

    long marks(long tenant) {
        return db.sql("select count(*) as n from agenda_change where tenant_id = :t").bind("t", tenant)
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }

    List<Long> marked(long tenant) {
        return db.sql("select distinct customer_id from agenda_change where tenant_id = :t order by 1").bind("t", tenant)
                .map((r, m) -> r.get("customer_id", Long.class)).all().collectList().block();
    }

    void runChanges(long expectedPlanned) {
        agenda.generateChanged(other.tenantId(), TODAY).as(StepVerifier::create)
                .expectNext(expectedPlanned).verifyComplete();
    }

    @Test
    void newItemsMarkTheirAccountsOnceAndARunOverTheMarksPlansTheirActionsThenNothingMore() {
        long a = customer("CH-1");
        long b = customer("CH-2");
        long untouched = customer("CH-3");
        fx.item(other.tenantId(), a, "CH1-1", TODAY.minusDays(10), "100.00");
        fx.item(other.tenantId(), a, "CH1-2", TODAY.minusDays(2), "50.00");
        fx.item(other.tenantId(), b, "CH2-1", TODAY.minusDays(30), "80.00");
        assertThat(marked(other.tenantId())).containsExactly(a, b);

        runChanges(2);
        assertThat(marks(other.tenantId())).isZero();
        assertThat(fx.waiting(a)).singleElement().extracting(Row::kind).isEqualTo("CALL");
        assertThat(fx.waiting(b)).singleElement().extracting(Row::kind).isEqualTo("LETTER");
        assertThat(fx.actions(untouched)).isEmpty();

        runChanges(0);
        assertThat(fx.actions(a)).hasSize(1);
    }

    @Test
    void aPromiseAPaymentAndASpecificActionEachMoveTheNextActionOnTheNextRun() {
        long c = customer("CH-4");
        long oldest = fx.item(other.tenantId(), c, "CH4-1", TODAY.minusDays(30), "100.00");
        long next = fx.item(other.tenantId(), c, "CH4-2", TODAY.minusDays(8), "40.00");
        runChanges(1);
        assertThat(fx.waiting(c)).singleElement().extracting(Row::anchor).isEqualTo(TODAY.minusDays(30));

        // paid: the anchor moves to the next invoice
        fx.pay(oldest);
        assertThat(marked(other.tenantId())).containsExactly(c);
        runChanges(1);
        assertThat(fx.waiting(c)).singleElement().extracting(Row::anchor).isEqualTo(TODAY.minusDays(8));

        // a promise on it pauses chasing
        fx.status(other.tenantId(), next, "PROMISE_TO_PAY", TODAY.plusDays(5));
        runChanges(0);
        assertThat(fx.waiting(c)).isEmpty();

        // a new invoice, then put in a specific action: chasing stays paused
        long third = fx.item(other.tenantId(), c, "CH4-3", TODAY.minusDays(12), "60.00");
        fx.specificAction(other.tenantId(), c, other.collector().userId(), third);
        runChanges(0);
        assertThat(fx.waiting(c)).isEmpty();
        assertThat(marks(other.tenantId())).isZero();
    }

    @Test
    void anotherScenarioOnTheAccountMarksItButOtherUpdatesOfTheCustomerRowDoNot() {
        long c = customer("CH-5");
        fx.item(other.tenantId(), c, "CH5-1", TODAY.minusDays(10), "100.00");
        runChanges(1);

        // every event on the account updates its row (the event sequence): not a change for the agenda
        db.sql("update customer set event_seq = event_seq + 1, name = 'Renamed' where id = :c").bind("c", c)
                .then().block();
        assertThat(marks(other.tenantId())).isZero();

        long quick = fx.scenario(other.tenantId(), "Quick", 1, "EMAIL");
        db.sql("update customer set scenario_id = :s where id = :c").bind("s", quick).bind("c", c).then().block();
        assertThat(marked(other.tenantId())).containsExactly(c);
        runChanges(1);
        assertThat(fx.waiting(c)).singleElement().extracting(Row::kind).isEqualTo("EMAIL");
    }

    @Test
    void editingAScenariosStepsMarksTheAccountsFollowingIt() {
        long follows = customer("CH-6");
        long quick = fx.scenario(other.tenantId(), "Other", 1, "EMAIL");
        long elsewhere = fx.customer(other.tenantId(), "CH-7", quick, other.collector().userId());
        fx.item(other.tenantId(), follows, "CH6-1", TODAY.minusDays(10), "100.00");
        fx.item(other.tenantId(), elsewhere, "CH7-1", TODAY.minusDays(10), "100.00");
        runChanges(2);

        // the scenario's steps replaced as the editor does: a call at +2 instead
        db.sql("delete from scenario_step where scenario_id = :s").bind("s", scenario).then().block();
        db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, label)
                values (:t, :s, 0, 2, 'INTERNAL_TASK', 'Check')""")
                .bind("t", other.tenantId()).bind("s", scenario).then().block();
        assertThat(marked(other.tenantId())).containsExactly(follows);
        runChanges(1);
        assertThat(fx.waiting(follows)).singleElement().extracting(Row::kind).isEqualTo("INTERNAL_TASK");
        assertThat(fx.waiting(elsewhere)).singleElement().extracting(Row::kind).isEqualTo("EMAIL");
    }

    @Test
    void waitingActionsFollowTheAccountsCollectorsSoTheirAssigneeAlwaysSeesTheAccount() {
        long c = customer("CH-10");
        fx.item(other.tenantId(), c, "CH10-1", TODAY.minusDays(10), "100.00");
        runChanges(1);
        long collector = other.collector().userId();
        assertThat(fx.waiting(c)).singleElement().extracting(Row::assignee).isEqualTo(collector);

        // the collector taken off the account, none left: the action is nobody's, not the former collector's
        db.sql("delete from customer_assignment where customer_id = :c").bind("c", c).then().block();
        assertThat(fx.waiting(c)).singleElement().extracting(Row::assignee).isNull();

        // a collector (back) on the account: the unassigned action is theirs
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", other.tenantId()).bind("c", c).bind("u", collector).then().block();
        assertThat(fx.waiting(c)).singleElement().extracting(Row::assignee).isEqualTo(collector);

        // an administrator keeps what was given to them: they see every account
        long admin = other.admin().userId();
        db.sql("update collection_action set assignee_id = :u where customer_id = :c and state = 'PLANNED'")
                .bind("u", admin).bind("c", c).then().block();
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'SALES_MANAGER')")
                .bind("t", other.tenantId()).bind("c", c).bind("u", admin).then().block();
        db.sql("delete from customer_assignment where customer_id = :c and user_id = :u").bind("c", c).bind("u", admin)
                .then().block();
        assertThat(fx.waiting(c)).singleElement().extracting(Row::assignee).isEqualTo(admin);
    }

    @Test
    void afterAScenarioEditAWaitingActionOfTheSameKindTakesTheNewStepsModeAndKeepsItsMove() {
        long auto = fx.scenario(other.tenantId(), "Auto", 5, "EMAIL");
        db.sql("update scenario_step set mode = 'AUTO', template_code = 'FIRST_REMINDER' where scenario_id = :s")
                .bind("s", auto).then().block();
        long c = fx.customer(other.tenantId(), "CH-11", auto, other.collector().userId());
        fx.item(other.tenantId(), c, "CH11-1", TODAY.minusDays(2), "100.00");
        runChanges(1);
        long id = fx.waiting(c).getFirst().id();
        db.sql("update collection_action set due_date = :d where id = :id").bind("d", TODAY.plusDays(9)).bind("id", id)
                .then().block();

        // the editor replaces the steps: the same email, now to be confirmed first, with another template
        db.sql("delete from scenario_step where scenario_id = :s").bind("s", auto).then().block();
        db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, mode, template_code, label)
                values (:t, :s, 0, 5, 'EMAIL', 'AUTO_WITH_CONFIRMATION', 'SECOND_REMINDER', 'Reminder')""")
                .bind("t", other.tenantId()).bind("s", auto).then().block();
        runChanges(0);
        var row = db.sql("select id, mode, state, template_code, due_date, step_id from collection_action where customer_id = :c")
                .bind("c", c).fetch().one().block();
        assertThat(row.get("id")).isEqualTo(id);
        assertThat(row.get("mode")).isEqualTo("AUTO_WITH_CONFIRMATION");
        assertThat(row.get("state")).isEqualTo("TO_CONFIRM");
        assertThat(row.get("template_code")).isEqualTo("SECOND_REMINDER");
        assertThat(row.get("due_date")).isEqualTo(TODAY.plusDays(9));
        assertThat(row.get("step_id")).isNotNull();
    }

    @Test
    void theDailyRunIsDoneOncePerCompanyAndDayAndLeavesLaterChangesToTheIncrementalRun() {
        long c = customer("CH-12");
        fx.item(other.tenantId(), c, "CH12-1", TODAY.minusDays(10), "100.00");
        agenda.generateDaily(other.tenantId(), TODAY).as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(marks(other.tenantId())).isZero();

        long d = customer("CH-13");
        fx.item(other.tenantId(), d, "CH13-1", TODAY.minusDays(10), "100.00");
        // another instance's daily run, the same day: done already
        agenda.generateDaily(other.tenantId(), TODAY).as(StepVerifier::create).expectNext(0L).verifyComplete();
        assertThat(marked(other.tenantId())).containsExactly(d);
        runChanges(1);
        // the next day it runs again
        agenda.generateDaily(other.tenantId(), TODAY.plusDays(1)).as(StepVerifier::create).expectNext(0L)
                .verifyComplete();
        assertThat(db.sql("select agenda_planned_on from tenant where id = :t").bind("t", other.tenantId())
                .map((r, m) -> r.get("agenda_planned_on", java.time.LocalDate.class)).one().block())
                .isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void aRunForOneTenantLeavesTheMarksOfAnother() {
        TestTenants.Other second = tenants.create("ch2-" + System.nanoTime());
        db.sql("delete from agenda_change where tenant_id = :t").bind("t", second.tenantId()).then().block();
        long theirs = fx.customer(second.tenantId(), "CH-8", null, second.collector().userId());
        fx.item(second.tenantId(), theirs, "CH8-1", TODAY.minusDays(10), "100.00");
        long ours = customer("CH-9");
        fx.item(other.tenantId(), ours, "CH9-1", TODAY.minusDays(10), "100.00");

        runChanges(1);
        assertThat(marked(second.tenantId())).containsExactly(theirs);
        assertThat(fx.actions(theirs)).isEmpty();
    }
}
