package org.opendso.scenario.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.opendso.TestTenants;
import org.opendso.customer.ui.CustomerListView;
import org.opendso.customer.ui.CustomerSheetView;
import org.opendso.scenario.Scenarios;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The scenario picker and timeline on a customer's sheet, and "Assign scenario…" in the customer list. Each test
 * works in a company of its own, so the demo company's scenarios stay as other tests expect them.
 */
class AccountScenarioViewIT extends ViewTestSupport {

    @Autowired
    TestTenants tenants;

    @Autowired
    Scenarios scenarios;

    @Autowired
    DatabaseClient db;

    private String scenarioOf(long customerId) {
        return db.sql("""
                        select coalesce(s.name, '(default)') as n from customer c left join scenario s on s.id = c.scenario_id
                        where c.id = :c""")
                .bind("c", customerId).map((r, m) -> r.get("n", String.class)).one().block();
    }

    private long scenarioId(long tenant, String name) {
        return scenarios.byName(tenant, name).block().id();
    }

    /** The labels of the timeline's steps, in order. */
    private static List<String> steps(AccountScenarioPanel panel) {
        return panel.timeline.getChildren().filter(c -> c.hasClassName("account-scenario-step"))
                .map(c -> ((Span) c).getElement().getTextRecursively()).toList();
    }

    @Test
    void theCollectorSeesTheDefaultChangesItAndTheTimelineFollowsAndAnotherUsersChoiceArrivesLive() {
        TestTenants.Other other = tenants.create("scn-sheet");
        db.sql("insert into customer_assignment (tenant_id, customer_id, user_id, role) values (:t, :c, :u, 'COLLECTOR')")
                .bind("t", other.tenantId()).bind("c", other.customerId()).bind("u", other.collector().userId())
                .then().block();
        login(other.collector().login());
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", "DEMO-001"));
        AccountScenarioPanel panel = $(AccountScenarioPanel.class).first();

        assertThat(panel.picker.isEnabled()).isTrue();
        assertThat(panel.picker.getValue().scenarioId()).isNull();
        assertThat(panel.picker.getItemLabelGenerator().apply(panel.picker.getValue())).isEqualTo("Default (Standard)");
        // INV-1 fell due 30 days ago; Standard's steps at -5, 5, 15, 30, 45 days: the call and the reminders are
        // past, the second reminder falls today, the formal notice in 15 days
        assertThat(steps(panel)).hasSize(2);
        assertThat(steps(panel).get(0)).endsWith("· Second reminder");
        assertThat(steps(panel).get(1)).endsWith("· Formal notice");

        test(panel.picker).selectItem("Export");
        assertThat(notifications()).contains("The account now follows Export");
        assertThat(scenarioOf(other.customerId())).isEqualTo("Export");
        // Export's steps at -10, 10, 25, 40, 60 days: the call in 10 days, the formal notice in 30
        assertThat(steps(panel)).satisfiesExactly(
                s -> assertThat(s).endsWith("· Call"),
                s -> assertThat(s).endsWith("· Formal notice"));

        // back to the default: the explicit choice goes
        test(panel.picker).selectItem("Default (Standard)");
        assertThat(scenarioOf(other.customerId())).isEqualTo("(default)");

        // the administrator assigns another scenario meanwhile: the sheet follows without a reload
        scenarios.assign(other.admin(), "DEMO-001", scenarioId(other.tenantId(), "Strategic accounts")).block();
        awaitUi(() -> panel.picker.getValue() != null && "Strategic accounts".equals(panel.picker.getValue().name()));
        assertThat(panel.state().assigned().followsDefault()).isFalse();
    }

    @Test
    void theAdministratorAssignsAScenarioToTheWholeSearchResult() {
        TestTenants.Other other = tenants.create("scn-mass");
        // 1,200 more accounts, 1,000 of them matching the search "MASS-"
        db.sql("""
                insert into customer (tenant_id, account, name)
                select :t, case when g <= 1000 then 'MASS-' else 'OTHER-' end || lpad(g::text, 4, '0'), 'Mass ' || g
                from generate_series(1, 1200) g""").bind("t", other.tenantId()).then().block();
        login(other.admin().login());
        CustomerListView list = navigate(CustomerListView.class);
        test($(TextField.class).from(list).first()).setValue("MASS-");
        roundTrip();

        test($(Button.class).withText("Assign scenario…").first()).click();
        AssignScenarioDialog dialog = $(AssignScenarioDialog.class).first();
        assertThat(dialog.text.getText()).contains("1,000 account(s)");
        assertThat(dialog.confirm.isEnabled()).isFalse();
        test(dialog.scenario).selectItem("Export");
        test(dialog.confirm).click();
        assertThat(notifications()).contains("1,000 account(s) now follow Export");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(db.sql("""
                        select count(*) filter (where s.name = 'Export') as export, count(*) as total
                        from customer c left join scenario s on s.id = c.scenario_id where c.tenant_id = :t""")
                .bind("t", other.tenantId())
                .map((r, m) -> r.get("export", Long.class) + "/" + r.get("total", Long.class)).one().block())
                .isEqualTo("1000/1201");
        assertThat(db.sql("select count(*) as n from event where tenant_id = :t and type = 'SCENARIO_ASSIGNED'")
                .bind("t", other.tenantId()).map((r, m) -> r.get("n", Long.class)).one().block()).isEqualTo(1000);

        // again: nobody changes, nobody is told
        test($(Button.class).withText("Assign scenario…").first()).click();
        dialog = $(AssignScenarioDialog.class).first();
        test(dialog.scenario).selectItem("Export");
        test(dialog.confirm).click();
        assertThat(notifications()).anyMatch(n -> n.startsWith("No account of this search had to change"));
        assertThat(list).isNotNull();
    }

    @Test
    void collectorsDoNotMassAssign() {
        TestTenants.Other other = tenants.create("scn-coll");
        login(other.collector().login());
        navigate(CustomerListView.class);
        assertThat($(Button.class).withText("Assign scenario…").all()).allMatch(b -> !b.isVisible());
    }

    private void awaitUi(BooleanSupplier condition) {
        VaadinSession session = VaadinSession.getCurrent();
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            return condition.getAsBoolean();
        });
    }
}
