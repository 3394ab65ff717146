package org.opendso.action.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.alert.AlertFixture.TODAY;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.TestTenants;
import org.opendso.action.ActionFixture;
import org.opendso.action.ActionKind;
import org.opendso.action.ActionOutcome;
import org.opendso.action.ActionState;
import org.opendso.action.Resolver;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActionRequest;
import org.opendso.action.SpecificActions;
import org.opendso.agenda.ui.AgendaView;
import org.opendso.alert.AlertFixture;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The specific-action dialogs, the agenda's section and the page a notification mail opens, browserless, for a
 * company of its own as of the fixed {@link AlertFixture#TODAY}.
 */
@TestPropertySource(properties = "opendso.notifications.mail-cron=-")
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class, ActionFixture.class})
class SpecificActionViewsIT extends ViewTestSupport {

    @Autowired SpecificActionDialogs dialogs;
    @Autowired SpecificActions actions;
    @Autowired TestTenants tenants;
    @Autowired AlertFixture fx;
    @Autowired ActionFixture ax;

    TestTenants.Other other;
    long customer;
    long inv2;
    Staff collector;
    Staff sam;
    Staff sid;
    int changed;

    @BeforeEach
    void company() {
        String p = "sav" + System.nanoTime();
        other = tenants.create(p);
        collector = other.collector();
        customer = fx.customer(other.tenantId(), "SAV-1", collector.userId());
        fx.item(other.tenantId(), customer, "SV-1", TODAY.minusDays(40), "500.00");
        inv2 = fx.item(other.tenantId(), customer, "SV-2", TODAY.minusDays(20), "300.00");
        sam = ax.user(other.tenantId(), p + "-sam", Role.SALES_MANAGER, "en");
        ax.assign(other.tenantId(), customer, sam.userId(), "SALES_MANAGER");
        sid = ax.user(other.tenantId(), p + "-sid", Role.SALES_MANAGER, "en");
    }

    void awaitUi(Callable<Boolean> condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.call();
        });
    }

    SpecificAction create(Staff by, ActionKind kind, String resolver, java.time.LocalDate due, String... numbers) {
        return actions.create(by, customer, new SpecificActionRequest(kind,
                List.of(numbers).stream().map(n -> new OpenItem.Key(ItemType.INVOICE, n)).toList(), resolver, due,
                "Ask the buyer")).block();
    }

    @Test
    void theCreateDialogOffersOnlyWhoMayResolveAndCreatesTheAction() {
        login(collector.login());
        CreateActionDialog dialog = dialogs.create(collector, customer, List.of(), () -> changed++);
        roundTrip();
        List<String> offered = test(dialog.resolver).getSuggestionItems().stream().map(Resolver::login).toList();
        assertThat(offered).contains(sam.login(), collector.login(), other.admin().login()).doesNotContain(sid.login());
        assertThat(test(dialog.items).size()).isEqualTo(2);

        test(dialog.save).click();
        assertThat(notifications()).contains("Select at least one item.");
        assertThat(dialog.isOpened()).isTrue();

        dialog.items.select(test(dialog.items).getRow(0));
        dialog.resolver.setValue(test(dialog.resolver).getSuggestionItems().stream()
                .filter(r -> r.login().equals(sam.login())).findFirst().orElseThrow());
        test(dialog.note).setValue("Price of the quote?");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(changed).isEqualTo(1);
        assertThat(dialog.created.items()).containsExactly("SV-1");
        assertThat(dialog.created.assigneeLogin()).isEqualTo(sam.login());
        assertThat(dialog.created.kind()).isEqualTo(ActionKind.DISPUTE_FOLLOW_UP);
        assertThat(dialog.created.dueDate()).isEqualTo(TODAY.plusDays(7));
        assertThat(notifications()).contains("Specific action created.");

        // the same item again: the service's explanation, the dialog stays open
        CreateActionDialog again = dialogs.create(collector, customer, List.of(), () -> changed++);
        roundTrip();
        again.items.select(test(again.items).getRow(0));
        test(again.save).click();
        assertThat(again.isOpened()).isTrue();
        assertThat(notifications()).anyMatch(n -> n.contains("SV-1 is already in open specific action"));
    }

    @Test
    void completingADisputeAsksHowItWasResolvedThenResolvesIt() {
        login(sam.login());
        SpecificAction a = create(collector, ActionKind.DISPUTE_FOLLOW_UP, sam.login(), TODAY.plusDays(3), "SV-1");
        CompleteActionDialog dialog = dialogs.complete(sam, a, () -> changed++);
        roundTrip();
        test(dialog.confirm).click();
        assertThat(dialog.note.isInvalid()).isTrue();
        assertThat(actions.find(other.tenantId(), a.id()).block().isOpen()).isTrue();

        test(dialog.note).setValue("Credit note agreed");
        test(dialog.confirm).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(dialog.completed.outcome()).isEqualTo(ActionOutcome.RESOLVED);
        assertThat(notifications()).contains("Dispute resolved: the items are back in the scenario.");
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void aPromiseShowsItsUnpaidItemsAndMayBeKeptOpenOrCompletedAnyway() {
        login(collector.login());
        SpecificAction a = create(collector, ActionKind.PROMISE_FOLLOW_UP, collector.login(), TODAY, "SV-1", "SV-2");
        fx.pay(inv2);
        CompleteActionDialog dialog = dialogs.complete(collector, a, () -> changed++);
        roundTrip();
        assertThat(dialog.unpaid.getText()).contains("SV-1").doesNotContain("SV-2");
        assertThat(dialog.confirm.getText()).isEqualTo("Complete anyway");
        assertThat(dialog.keepOpen.isVisible()).isTrue();
        test(dialog.keepOpen).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(actions.find(other.tenantId(), a.id()).block().isOpen()).isTrue();

        CompleteActionDialog again = dialogs.complete(collector, a, () -> changed++);
        roundTrip();
        test(again.confirm).click();
        assertThat(again.completed.outcome()).isEqualTo(ActionOutcome.UNPAID);
    }

    @Test
    void editAndCancelFromTheirDialogs() {
        login(sam.login());
        SpecificAction a = create(collector, ActionKind.CUSTOM, sam.login(), TODAY.plusDays(3), "SV-1");
        EditActionDialog edit = dialogs.edit(sam, a, () -> changed++);
        roundTrip();
        test(edit.dueDate).setValue(TODAY.plusDays(10));
        test(edit.save).click();
        assertThat(actions.find(other.tenantId(), a.id()).block().dueDate()).isEqualTo(TODAY.plusDays(10));

        // the dialog of the old version: a conflict, told in words
        EditActionDialog stale = dialogs.edit(sam, a, () -> changed++);
        roundTrip();
        test(stale.save).click();
        assertThat(stale.isOpened()).isTrue();
        assertThat(notifications()).anyMatch(n -> n.contains("changed meanwhile"));

        SpecificAction current = actions.find(other.tenantId(), a.id()).block();
        CancelActionDialog cancel = dialogs.cancel(sam, current, () -> changed++);
        roundTrip();
        test(cancel.confirm).click();
        assertThat(cancel.reason.isInvalid()).isTrue();
        test(cancel.reason).setValue("Customer paid through another channel");
        test(cancel.confirm).click();
        assertThat(actions.find(other.tenantId(), a.id()).block().state()).isEqualTo(ActionState.CANCELLED);
        assertThat(changed).isEqualTo(2);
    }

    @Test
    void theAgendaListsMyOpenSpecificActionsWithTheirCountsLive() {
        create(collector, ActionKind.DISPUTE_FOLLOW_UP, sam.login(), TODAY.minusDays(1), "SV-1");
        create(collector, ActionKind.CUSTOM, collector.login(), TODAY, "SV-2");
        login(sam.login());
        navigate(AgendaView.class);
        ResolverActions mine = $(ResolverActions.class).single();
        assertThat(test(mine.grid).size()).isEqualTo(1);
        assertThat(test(mine.grid).getCellText(0, test(mine.grid).getColumnPosition("customer"))).contains("SAV-1");
        assertThat(mine.counts.getText()).isEqualTo("1 late · 0 today · 1 open");

        ActionDialog opened = mine.open(test(mine.grid).getRow(0));
        roundTrip();
        assertThat(opened.isOpened()).isTrue();
        assertThat(opened.complete.isVisible()).isTrue();
        opened.close();

        // given another one by the collector: it appears without reload
        fx.item(other.tenantId(), customer, "SV-3", TODAY.minusDays(5), "90.00");
        create(collector, ActionKind.PROMISE_FOLLOW_UP, sam.login(), TODAY, "SV-3");
        awaitUi(() -> test(mine.grid).size() == 2);
        assertThat(mine.counts.getText()).isEqualTo("1 late · 1 today · 2 open");
    }

    @Test
    void theLinkOfANotificationMailOpensTheActionsDialog() {
        SpecificAction a = create(collector, ActionKind.DISPUTE_FOLLOW_UP, sam.login(), TODAY.plusDays(3), "SV-1");
        login(sam.login());
        UI.getCurrent().navigate("actions/" + a.id());
        SpecificActionView page = $(SpecificActionView.class).single();
        assertThat(page.action.id()).isEqualTo(a.id());
        ActionDialog dialog = $(ActionDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.complete.isVisible()).isTrue();

        // an action of an account one does not see is "not found"
        login(sid.login());
        navigate(AgendaView.class); // a new page for the other user (the action page is reused within one UI)
        UI.getCurrent().navigate("actions/" + (a.id() + 1000000));
        assertThat($(SpecificActionView.class).single().message.getText()).contains("does not exist");
        UI.getCurrent().navigate("actions/" + a.id());
        assertThat($(SpecificActionView.class).single().action).isNull();
    }
}
