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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.test.StepVerifier;

/** Generation of the next action, on the real database, as of the fixed {@link AgendaFixture#TODAY}. */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, AgendaFixture.FixedClock.class})
class AgendaGenerationIT {

    @Autowired
    Agenda agenda;

    @Autowired
    AgendaFixture fx;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    @Autowired
    Generation generation;

    @Autowired
    TransactionalOperator tx;

    TestTenants.Other other;
    long scenario;

    @BeforeEach
    void tenant() {
        other = tenants.create("ag-" + System.nanoTime());
        // one step before the due date, two after it
        scenario = fx.scenario(other.tenantId(), "Generation", -3, "EMAIL", 5, "CALL", 20, "LETTER");
    }

    long customer(String account) {
        return fx.customer(other.tenantId(), account, scenario, other.collector().userId());
    }

    Mono<Long> generate(long customer) {
        return agenda.generate(other.tenantId(), List.of(customer), TODAY);
    }

    @Test
    void theLatestStepDueIsPlannedFromTheOldestOverdueItemWithNegativeAndPositiveOffsets() {
        long c = customer("GEN-1");
        fx.item(other.tenantId(), c, "G1-1", TODAY.minusDays(2), "100.00");
        fx.item(other.tenantId(), c, "G1-2", TODAY.plusDays(10), "50.00");
        generate(c).as(StepVerifier::create).expectNext(1L).verifyComplete();
        // -3 falls 5 days ago (late), +5 in 3 days: the step the account has reached is the pre-due email
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("EMAIL");
            assertThat(a.step()).isZero();
            assertThat(a.dueDate()).isEqualTo(TODAY.minusDays(5));
            assertThat(a.anchor()).isEqualTo(TODAY.minusDays(2));
            assertThat(a.assignee()).isEqualTo(other.collector().userId());
        });
        assertThat(fx.events(c)).containsExactly("ACTION_PLANNED");

        // done: the next step counts from the same anchor, in 3 days
        long first = fx.waiting(c).getFirst().id();
        agenda.complete(other.collector(), first, null, "Sent", "").as(StepVerifier::create)
                .assertNext(done -> assertThat(done.state()).isEqualTo("DONE")).verifyComplete();
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("CALL");
            assertThat(a.step()).isEqualTo(1);
            assertThat(a.dueDate()).isEqualTo(TODAY.plusDays(3));
        });
        // skipped: the step after it
        agenda.skip(other.collector(), fx.waiting(c).getFirst().id(), null, "Not reachable").as(StepVerifier::create)
                .assertNext(s -> assertThat(s.state()).isEqualTo("SKIPPED")).verifyComplete();
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("LETTER");
            assertThat(a.dueDate()).isEqualTo(TODAY.plusDays(18));
        });
        assertThat(fx.events(c)).containsExactly("ACTION_PLANNED", "ACTION_DONE", "ACTION_PLANNED", "ACTION_SKIPPED",
                "ACTION_PLANNED");
        // the last step done: the scenario is over for this anchor
        agenda.complete(other.collector(), fx.waiting(c).getFirst().id(), null, "Sent", "").block();
        assertThat(fx.waiting(c)).isEmpty();
    }

    @Test
    void aSecondRunChangesNothing() {
        long c = customer("GEN-2");
        fx.item(other.tenantId(), c, "G2-1", TODAY.minusDays(30), "100.00");
        agenda.generate(other.tenantId(), null, TODAY).as(StepVerifier::create).expectNext(1L).verifyComplete();
        List<Row> before = fx.actions(c);
        assertThat(before).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("LETTER");
            assertThat(a.dueDate()).isEqualTo(TODAY.minusDays(10));
        });
        agenda.generate(other.tenantId(), null, TODAY).as(StepVerifier::create).expectNext(0L).verifyComplete();
        generate(c).as(StepVerifier::create).expectNext(0L).verifyComplete();
        assertThat(fx.actions(c)).isEqualTo(before);
        assertThat(fx.events(c)).containsExactly("ACTION_PLANNED");
    }

    @Test
    void twoConcurrentRunsGenerateOnce() {
        long c = customer("GEN-3");
        fx.item(other.tenantId(), c, "G3-1", TODAY.minusDays(1), "100.00");
        Mono<Long> one = agenda.generate(other.tenantId(), null, TODAY).subscribeOn(Schedulers.parallel());
        Mono<Long> two = agenda.generate(other.tenantId(), List.of(c), TODAY).subscribeOn(Schedulers.parallel());
        Mono.zip(one, two, Long::sum).as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(fx.actions(c)).hasSize(1);
        assertThat(fx.events(c)).containsExactly("ACTION_PLANNED");
    }

    @Test
    void whileOneTransactionGeneratesForATenantTheScheduledRunOfAnotherSessionSkipsIt() {
        // the inner check runs without the outer transaction's context: another connection, like another instance
        Mono<Boolean> otherSession = generation.tryLock(other.tenantId()).contextWrite(c -> Context.empty());
        generation.lock(other.tenantId()).then(otherSession).as(tx::transactional)
                .as(StepVerifier::create).expectNext(false).verifyComplete();
        // released at commit
        generation.tryLock(other.tenantId()).as(tx::transactional).as(StepVerifier::create).expectNext(true).verifyComplete();
    }

    @Test
    void whenTheOldestOverdueItemIsPaidTheAnchorMovesToTheNextOne() {
        long c = customer("GEN-4");
        long oldest = fx.item(other.tenantId(), c, "G4-1", TODAY.minusDays(40), "100.00");
        fx.item(other.tenantId(), c, "G4-2", TODAY.minusDays(10), "60.00");
        generate(c).block();
        Row before = fx.waiting(c).getFirst();
        assertThat(before.kind()).isEqualTo("LETTER");
        assertThat(before.anchor()).isEqualTo(TODAY.minusDays(40));

        fx.pay(oldest);
        generate(c).as(StepVerifier::create).expectNext(1L).verifyComplete();
        // anchored 10 days ago, the account has reached the call (+5), not yet the letter (+20)
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> {
            assertThat(a.anchor()).isEqualTo(TODAY.minusDays(10));
            assertThat(a.kind()).isEqualTo("CALL");
            assertThat(a.dueDate()).isEqualTo(TODAY.minusDays(5));
        });
        assertThat(fx.actions(c).getFirst().state()).isEqualTo("OBSOLETE");

        // everything paid: nothing to chase
        db.sql("update open_item set open_amount = 0, closed_at = now() where customer_id = :c").bind("c", c).then().block();
        generate(c).as(StepVerifier::create).expectNext(0L).verifyComplete();
        assertThat(fx.waiting(c)).isEmpty();
    }

    @Test
    void aPromiseWithAFutureFollowUpPausesChasingAndAPassedOneResumesIt() {
        long c = customer("GEN-5");
        long item = fx.item(other.tenantId(), c, "G5-1", TODAY.minusDays(10), "100.00");
        generate(c).block();
        assertThat(fx.waiting(c)).singleElement().extracting(Row::kind).isEqualTo("CALL");

        fx.status(other.tenantId(), item, "PROMISE_TO_PAY", TODAY.plusDays(5));
        generate(c).as(StepVerifier::create).expectNext(0L).verifyComplete();
        assertThat(fx.waiting(c)).isEmpty();
        assertThat(fx.actions(c)).singleElement().extracting(Row::state).isEqualTo("OBSOLETE");

        // the promise broken: on the day after its follow-up date, chasing resumes with the step it was paused on
        agenda.generate(other.tenantId(), List.of(c), TODAY.plusDays(6)).as(StepVerifier::create)
                .expectNext(1L).verifyComplete();
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("CALL");
            assertThat(a.dueDate()).isEqualTo(TODAY.minusDays(5));
            assertThat(a.anchor()).isEqualTo(TODAY.minusDays(10));
        });
    }

    @Test
    void itemsOfAnOpenSpecificActionAreNotChased() {
        long c = customer("GEN-6");
        long disputed = fx.item(other.tenantId(), c, "G6-1", TODAY.minusDays(30), "100.00");
        fx.item(other.tenantId(), c, "G6-2", TODAY.minusDays(8), "40.00");
        long specific = fx.specificAction(other.tenantId(), c, other.collector().userId(), disputed);
        generate(c).block();
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> {
            assertThat(a.anchor()).isEqualTo(TODAY.minusDays(8));
            assertThat(a.kind()).isEqualTo("CALL");
        });
        // the specific action done, the disputed item is chased again and is the oldest
        fx.closeSpecificAction(specific);
        generate(c).block();
        assertThat(fx.waiting(c)).singleElement().extracting(Row::anchor).isEqualTo(TODAY.minusDays(30));
    }

    @Test
    void itemsOlderThanTheSettingRaiseAWarningBesideTheScenarioAction() {
        long c = customer("GEN-7");
        long old = fx.item(other.tenantId(), c, "G7-1", TODAY.minusDays(200), "100.00");
        generate(c).as(StepVerifier::create).expectNext(2L).verifyComplete();
        assertThat(fx.waiting(c)).extracting(Row::kind).containsExactlyInAnyOrder("LETTER", "OLD_ITEMS_WARNING");
        assertThat(fx.waiting(c)).filteredOn(a -> a.kind().equals("OLD_ITEMS_WARNING")).singleElement()
                .satisfies(w -> {
                    assertThat(w.dueDate()).isEqualTo(TODAY);
                    assertThat(w.anchor()).isEqualTo(TODAY.minusDays(200));
                });
        generate(c).as(StepVerifier::create).expectNext(0L).verifyComplete();

        // a status on the old item: no warning any more (and chasing pauses until its follow-up)
        fx.status(other.tenantId(), old, "PRICE_DISPUTE", TODAY.plusDays(14));
        generate(c).as(StepVerifier::create).expectNext(0L).verifyComplete();
        assertThat(fx.waiting(c)).isEmpty();

        // a longer setting: a 200-day-old item is not old
        db.sql("update tenant set old_items_days = 365 where id = :t").bind("t", other.tenantId()).then().block();
        long c2 = customer("GEN-8");
        fx.item(other.tenantId(), c2, "G8-1", TODAY.minusDays(200), "100.00");
        generate(c2).as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(fx.waiting(c2)).extracting(Row::kind).containsExactly("LETTER");
    }

    @Test
    void aChangedScenarioObsoletesTheWaitingActionAndPlansFromTheNewOne() {
        long c = customer("GEN-9");
        fx.item(other.tenantId(), c, "G9-1", TODAY.minusDays(2), "100.00");
        generate(c).block();
        long other2 = fx.scenario(other.tenantId(), "Generation bis", 1, "INTERNAL_TASK", 30, "CALL");
        db.sql("update customer set scenario_id = :s where id = :c").bind("s", other2).bind("c", c).then().block();
        generate(c).as(StepVerifier::create).expectNext(1L).verifyComplete();
        // no step due yet in the new scenario: its first one
        assertThat(fx.waiting(c)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("INTERNAL_TASK");
            assertThat(a.dueDate()).isEqualTo(TODAY.minusDays(1));
        });
    }

    @Test
    void anAccountWithoutScenarioOfItsOwnFollowsTheDefaultAndOtherTenantsAreUntouched() {
        long c = fx.customer(other.tenantId(), "GEN-10", null, other.collector().userId());
        fx.item(other.tenantId(), c, "G10-1", TODAY.minusDays(16), "100.00");
        Long demoBefore = demoActions();
        agenda.generate(other.tenantId(), null, TODAY).block();
        // Standard: -5, 5, 15, 30, 45: 16 days overdue is the call
        assertThat(fx.waiting(c)).singleElement().extracting(Row::kind).isEqualTo("CALL");
        assertThat(demoActions()).isEqualTo(demoBefore);
    }

    Long demoActions() {
        return db.sql("select count(*) as n from collection_action where tenant_id = 1")
                .map((r, m) -> r.get("n", Long.class)).one().block();
    }
}
