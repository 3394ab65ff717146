package org.opendso.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.alert.AlertFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.agenda.Agenda;
import org.opendso.alert.AlertFixture;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

/**
 * Specific actions in the services (decision 0017), for a company of its own as of the fixed {@link AlertFixture#TODAY}:
 * creating, editing, completing and cancelling them, the refusals, and what completing does to the items and the
 * scenario.
 */
@IntegrationTest
@TestPropertySource(properties = "opendso.notifications.mail-cron=-")
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class, ActionFixture.class})
class SpecificActionsIT {

    @Autowired SpecificActions actions;
    @Autowired ActionCompletions completions;
    @Autowired Agenda agenda;
    @Autowired TestTenants tenants;
    @Autowired AlertFixture fx;
    @Autowired ActionFixture ax;

    TestTenants.Other other;
    long customer;
    long inv1;
    long inv2;
    Staff collector;
    Staff sam;

    @BeforeEach
    void company() {
        String p = "sa" + System.nanoTime();
        other = tenants.create(p);
        collector = other.collector();
        customer = fx.customer(other.tenantId(), "SA-1", collector.userId());
        inv1 = fx.item(other.tenantId(), customer, "SA1-1", TODAY.minusDays(40), "500.00");
        inv2 = fx.item(other.tenantId(), customer, "SA1-2", TODAY.minusDays(20), "300.00");
        sam = ax.user(other.tenantId(), p + "-sam", Role.SALES_MANAGER, "en");
        ax.assign(other.tenantId(), customer, sam.userId(), "SALES_MANAGER");
    }

    SpecificActionRequest request(ActionKind kind, String resolver, String... numbers) {
        return new SpecificActionRequest(kind, List.of(numbers).stream().map(n -> new OpenItem.Key(ItemType.INVOICE, n)).toList(),
                resolver, TODAY.plusDays(7), "Check with the buyer");
    }

    SpecificAction create(Staff by, ActionKind kind, String resolver, String... numbers) {
        return actions.create(by, customer, request(kind, resolver, numbers)).block();
    }

    @Test
    void aCollectorCreatesAnActionForTheSalesManagerWhoIsToldOfIt() {
        SpecificAction a = create(collector, ActionKind.DISPUTE_FOLLOW_UP, sam.login(), "SA1-1", "SA1-2");

        assertThat(a.state()).isEqualTo(ActionState.OPEN);
        assertThat(a.items()).containsExactly("SA1-1", "SA1-2");
        assertThat(a.assigneeLogin()).isEqualTo(sam.login());
        assertThat(a.createdById()).isEqualTo(collector.userId());
        assertThat(fx.events(customer)).containsExactly("ACTION_CREATED");
        assertThat(ax.notifications(sam.userId())).containsExactly("ACTION_ASSIGNED");
        assertThat(ax.notifiedAction(sam.userId())).isEqualTo(a.id());
        assertThat(ax.notifications(collector.userId())).isEmpty();
        actions.ofCustomer(other.tenantId(), customer).map(SpecificAction::id).as(StepVerifier::create)
                .expectNext(a.id()).verifyComplete();
        actions.openOfResolver(sam, 10).map(SpecificAction::id).as(StepVerifier::create)
                .expectNext(a.id()).verifyComplete();
        actions.countsOfResolver(sam).as(StepVerifier::create)
                .expectNext(new ResolverCounts(0, 0, 1)).verifyComplete();
    }

    @Test
    void anActionOneGivesOneselfNotifiesNobody() {
        create(sam, ActionKind.CUSTOM, sam.login(), "SA1-1");
        assertThat(ax.notifications(sam.userId())).isEmpty();
    }

    @Test
    void theResolverMustBeAnActiveUserOfTheCompanyWhoSeesTheAccount() {
        Staff sid = ax.user(other.tenantId(), "sid" + System.nanoTime(), Role.SALES_MANAGER, "en");
        actions.create(collector, customer, request(ActionKind.DISPUTE_FOLLOW_UP, sid.login(), "SA1-1"))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidSpecificAction) e).field()).isEqualTo("resolver"));
        // another company's user, even with the same rights elsewhere
        TestTenants.Other stranger = tenants.create("sx" + System.nanoTime());
        actions.create(collector, customer, request(ActionKind.DISPUTE_FOLLOW_UP, stranger.admin().login(), "SA1-1"))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidSpecificAction) e).field()).isEqualTo("resolver"));
        assertThat(ax.count("select count(*) from specific_action where tenant_id = :t", other.tenantId())).isZero();
    }

    @Test
    void itemsMustBeOpenItemsOfTheAccountInNoOtherOpenAction() {
        actions.create(collector, customer, request(ActionKind.CUSTOM, sam.login(), "SA1-1", "NOPE"))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidSpecificAction) e).field()).isEqualTo("items[1]"));
        fx.pay(inv2);
        actions.create(collector, customer, request(ActionKind.CUSTOM, sam.login(), "SA1-2"))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidSpecificAction) e).field()).isEqualTo("items[0]"));

        SpecificAction first = create(collector, ActionKind.CUSTOM, sam.login(), "SA1-1");
        actions.create(collector, customer, request(ActionKind.DISPUTE_FOLLOW_UP, sam.login(), "SA1-1"))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> {
                    ItemsInOpenAction c = (ItemsInOpenAction) e;
                    assertThat(c.field()).isEqualTo("items[0]");
                    assertThat(c.actions()).containsExactly(first.id());
                    assertThat(c.getMessage()).contains("SA1-1").contains(String.valueOf(first.id()));
                });
        assertThat(ax.count("select count(*) from specific_action where tenant_id = :t", other.tenantId())).isEqualTo(1);
    }

    @Test
    void onlyTheResolverTheCreatorAnAdminOrStaffAssignedToTheAccountMayCloseIt() {
        SpecificAction a = create(collector, ActionKind.CUSTOM, sam.login(), "SA1-1");
        // a collector who sees every account by the company's setting, but is neither of those
        ax.collectorsSeeAll(other.tenantId());
        Staff cora = ax.user(other.tenantId(), "cora" + System.nanoTime(), Role.COLLECTOR, "en");
        completions.complete(cora, a.id(), new ActionCompletions.Completion("done", null, false))
                .as(StepVerifier::create).verifyError(SpecificActionForbidden.class);
        completions.cancel(cora, a.id(), "not needed", null).as(StepVerifier::create)
                .verifyError(SpecificActionForbidden.class);
        actions.update(cora, a.id(), new ActionChange(null, TODAY.plusDays(1), null, null)).as(StepVerifier::create)
                .verifyError(SpecificActionForbidden.class);
        // a sales manager not assigned to the account does not even see it; nor does another company
        Staff sid = ax.user(other.tenantId(), "sid" + System.nanoTime(), Role.SALES_MANAGER, "en");
        completions.complete(sid, a.id(), new ActionCompletions.Completion("done", null, false))
                .as(StepVerifier::create).verifyError(UnknownSpecificAction.class);
        TestTenants.Other stranger = tenants.create("sy" + System.nanoTime());
        completions.complete(stranger.admin(), a.id(), new ActionCompletions.Completion("done", null, false))
                .as(StepVerifier::create).verifyError(UnknownSpecificAction.class);
        assertThat(actions.find(other.tenantId(), a.id()).block().state()).isEqualTo(ActionState.OPEN);

        // the admin may
        completions.complete(other.admin(), a.id(), new ActionCompletions.Completion("done", null, false))
                .as(StepVerifier::create)
                .assertNext(done -> assertThat(done.outcome()).isEqualTo(ActionOutcome.DONE)).verifyComplete();
        // and a closed action is a conflict with its state
        completions.complete(sam, a.id(), new ActionCompletions.Completion("again", null, false))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((SpecificActionChanged) e).current().state())
                        .isEqualTo(ActionState.COMPLETED));
    }

    @Test
    void anEditAtAnOldVersionIsAConflictAndANewResolverIsToldOfIt() {
        SpecificAction a = create(sam, ActionKind.DISPUTE_FOLLOW_UP, sam.login(), "SA1-1");
        SpecificAction moved = actions.update(sam, a.id(), new ActionChange(a.version(), TODAY.plusDays(3), null, "Later"))
                .block();
        assertThat(moved.dueDate()).isEqualTo(TODAY.plusDays(3));
        assertThat(moved.note()).isEqualTo("Later");
        actions.update(collector, a.id(), new ActionChange(a.version(), TODAY.plusDays(9), null, null))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((SpecificActionChanged) e).current().version())
                        .isEqualTo(moved.version()));

        SpecificAction given = actions.update(sam, a.id(), new ActionChange(moved.version(), null, collector.login(), null))
                .block();
        assertThat(given.assigneeLogin()).isEqualTo(collector.login());
        assertThat(fx.events(customer)).containsExactly("ACTION_CREATED", "ACTION_RESCHEDULED", "ACTION_REASSIGNED");
        assertThat(fx.payloads(customer, "ACTION_REASSIGNED").getFirst()).contains("\"specificActionId\": " + a.id());
        assertThat(ax.notifications(collector.userId())).containsExactly("ACTION_ASSIGNED");
    }

    @Test
    void completingADisputeFollowUpResolvesItsItemsAndPutsThemBackIntoTheScenario() {
        fx.status(other.tenantId(), inv1, "PRICE_DISPUTE", TODAY.minusDays(1));
        fx.pay(inv2);
        SpecificAction a = create(collector, ActionKind.DISPUTE_FOLLOW_UP, sam.login(), "SA1-1");
        agenda.regenerate(other.tenantId(), List.of(customer)).block();
        assertThat(waiting()).as("the disputed item is out of the scenario while the action is open").isZero();
        ax.clearMarks(other.tenantId());

        SpecificAction done = completions.complete(sam, a.id(),
                new ActionCompletions.Completion("Credit note agreed for the price difference", a.version(), false)).block();

        assertThat(done.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(done.outcome()).isEqualTo(ActionOutcome.RESOLVED);
        assertThat(done.completionNote()).isEqualTo("Credit note agreed for the price difference");
        assertThat(ax.item(inv1)).isEqualTo(new ActionFixture.ItemState("DISPUTE_RESOLVED",
                "Credit note agreed for the price difference", TODAY));
        assertThat(fx.events(customer)).containsExactly("ACTION_CREATED", "ITEMS_QUALIFIED", "ACTION_COMPLETED");
        assertThat(fx.payloads(customer, "ITEMS_QUALIFIED").getFirst()).contains("DISPUTE_RESOLVED");
        // the change marks of decision 0011 tell the agenda, whose next generation chases the account again
        assertThat(ax.count("select count(*) from agenda_change where tenant_id = :t", other.tenantId())).isPositive();
        agenda.regenerate(other.tenantId(), List.of(customer)).block();
        assertThat(waiting()).isEqualTo(1);
    }

    long waiting() {
        return ax.count("select count(*) from collection_action where tenant_id = :t and customer_id = " + customer
                + " and state in ('PLANNED', 'TO_CONFIRM')", other.tenantId());
    }

    @Test
    void aDisputeNeedsANoteAndTheCompanysDisputeResolvedStatusElseNothingHappens() {
        fx.status(other.tenantId(), inv1, "PRICE_DISPUTE", TODAY.plusDays(5));
        SpecificAction a = create(collector, ActionKind.DISPUTE_FOLLOW_UP, sam.login(), "SA1-1");
        completions.complete(sam, a.id(), new ActionCompletions.Completion(" ", null, false)).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidSpecificAction) e).field()).isEqualTo("note"));

        ax.removeResolvedStatuses(other.tenantId());
        completions.complete(sam, a.id(), new ActionCompletions.Completion("Resolved", null, false))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> {
                    assertThat(((InvalidSpecificAction) e).field()).isEqualTo("status");
                    assertThat(e.getMessage()).contains("DISPUTE_RESOLVED");
                });
        assertThat(actions.find(other.tenantId(), a.id()).block().state()).isEqualTo(ActionState.OPEN);
        assertThat(ax.item(inv1).status()).isEqualTo("PRICE_DISPUTE");
        assertThat(fx.events(customer)).containsExactly("ACTION_CREATED");
    }

    @Test
    void aPromiseFollowUpIsPaidWhenAllItsItemsAreClosedElseItSaysWhichAreStillOpen() {
        SpecificAction a = create(collector, ActionKind.PROMISE_FOLLOW_UP, collector.login(), "SA1-1", "SA1-2");
        fx.pay(inv1);
        completions.stillOpen(collector, a.id()).as(StepVerifier::create)
                .assertNext(open -> assertThat(open).extracting(OpenItem::number).containsExactly("SA1-2"))
                .verifyComplete();
        completions.complete(collector, a.id(), new ActionCompletions.Completion("", null, false))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((UnpaidItems) e).open()).extracting(OpenItem::number)
                        .containsExactly("SA1-2"));
        assertThat(actions.find(other.tenantId(), a.id()).block().isOpen()).isTrue();

        SpecificAction anyway = completions.complete(collector, a.id(),
                new ActionCompletions.Completion("Half paid", null, true)).block();
        assertThat(anyway.outcome()).isEqualTo(ActionOutcome.UNPAID);
        assertThat(fx.payloads(customer, "ACTION_COMPLETED").getFirst()).contains("\"unpaid\": [\"SA1-2\"]");

        SpecificAction kept = create(collector, ActionKind.PROMISE_FOLLOW_UP, collector.login(), "SA1-2");
        fx.pay(inv2);
        assertThat(completions.complete(collector, kept.id(), new ActionCompletions.Completion("", null, false))
                .block().outcome()).isEqualTo(ActionOutcome.PAID);
    }

    @Test
    void cancellingNeedsAReasonAndFreesTheItems() {
        SpecificAction a = create(collector, ActionKind.OLD_ITEMS_REVIEW, collector.login(), "SA1-1");
        completions.cancel(collector, a.id(), "", null).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((InvalidSpecificAction) e).field()).isEqualTo("reason"));
        SpecificAction cancelled = completions.cancel(collector, a.id(), "Raised by mistake", a.version()).block();
        assertThat(cancelled.state()).isEqualTo(ActionState.CANCELLED);
        assertThat(cancelled.outcome()).isEqualTo(ActionOutcome.CANCELLED);
        assertThat(cancelled.completionNote()).isEqualTo("Raised by mistake");
        assertThat(fx.events(customer)).containsExactly("ACTION_CREATED", "ACTION_CANCELLED");
        // the item may be in a new action now
        assertThat(create(collector, ActionKind.CUSTOM, collector.login(), "SA1-1").isOpen()).isTrue();
    }
}
