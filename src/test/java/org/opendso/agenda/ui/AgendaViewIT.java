package org.opendso.agenda.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.PlannedAction;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class AgendaViewIT extends ViewTestSupport {

    @Autowired
    Agenda agenda;

    @Autowired
    DatabaseClient db;

    /** A demo customer of the collector, overdue by 16 days on the Standard scenario (the call is due tomorrow-ish). */
    long overdueCustomer(String account, int daysOverdue) {
        long c = db.sql("insert into customer (tenant_id, account, name) values (1, :a, :a) returning id")
                .bind("a", account).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into customer_assignment (tenant_id, customer_id, user_id, role)
                select 1, :c, id, 'COLLECTOR' from app_user where login = 'collector'""").bind("c", c).then().block();
        LocalDate due = agenda.today().minusDays(daysOverdue);
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, 'INVOICE', :n, :d, :d, 120, 120, 'EUR')""")
                .bind("c", c).bind("n", account + "-1").bind("d", due).then().block();
        agenda.regenerate(1, List.of(c)).block();
        return c;
    }

    @Test
    void theCollectorSeesCountsFiltersAndDoesSkipsAndMovesActions() {
        overdueCustomer("AGV-1", 16);   // Standard: the call (+15) is one day late
        login("collector");
        AgendaView view = navigate(AgendaView.class);
        view.customer.setValue("AGV-1");
        assertThat(view.late.value()).isEqualTo("1");
        assertThat(view.rows()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("CALL");
            assertThat(a.amount()).isEqualByComparingTo(new BigDecimal("120"));
        });
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("kind"))).isEqualTo("Call");

        view.kind.setValue("EMAIL");
        assertThat(view.rows()).isEmpty();
        view.kind.clear();

        // the account follows the default scenario and owes 120 overdue
        view.scenario.setValue("Export");
        assertThat(view.rows()).isEmpty();
        assertThat(view.late.value()).isEqualTo("0");
        view.scenario.setValue("Standard");
        assertThat(view.rows()).hasSize(1);
        view.scenario.clear();
        view.minAmount.setValue(new BigDecimal("120.01"));
        assertThat(view.rows()).isEmpty();
        view.minAmount.setValue(new BigDecimal("120"));
        assertThat(view.rows()).hasSize(1);
        view.minAmount.clear();

        // done: the next step (+30, the second reminder) is 14 days ahead, beyond the week
        view.complete(view.rows().getFirst());
        assertThat(view.rows()).isEmpty();
        assertThat(view.late.value()).isEqualTo("0");
        assertThat(notifications()).contains("Action done; the next step is planned");

        PlannedAction next = agenda.list(tenantsCollector(), new org.opendso.agenda.AgendaQuery(null, null,
                agenda.today().plusDays(30), null, "AGV-1", 0, 10)).block().actions().getFirst();
        assertThat(next.kind()).isEqualTo("EMAIL");
        // moved into the week, it shows; skipped, the letter follows
        view.move(next, agenda.today().plusDays(2));
        assertThat(view.next7Days.value()).isEqualTo("1");
        view.skip(view.rows().getFirst());
        assertThat(view.next7Days.value()).isEqualTo("0");
    }

    @Test
    void theCollectorReplacesAnActionByAnotherKindAndHandsItToSomeoneWhoSeesTheAccount() {
        overdueCustomer("AGV-3", 16);   // the call is one day late
        login("collector");
        AgendaView view = navigate(AgendaView.class);
        view.customer.setValue("AGV-3");
        view.replace(view.rows().getFirst(), "EMAIL", agenda.today());
        assertThat(view.rows()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("EMAIL");
            assertThat(a.dueDate()).isEqualTo(agenda.today());
        });
        assertThat(notifications()).contains("Action replaced");

        // the sales manager is not on this account: refused, the action stays the collector's
        view.reassign(view.rows().getFirst(), "sales");
        assertThat(notifications()).anyMatch(n -> n.contains("does not see account AGV-3"));
        assertThat(view.rows()).hasSize(1);
        // the administrator sees every account: it leaves the collector's agenda
        view.reassign(view.rows().getFirst(), "admin");
        assertThat(view.rows()).isEmpty();
        assertThat(notifications()).contains("Action reassigned");
    }

    @Test
    void inFrenchTheTitleAndKindsAreFrench() {
        overdueCustomer("AGV-2", 16);
        login("collector");
        UI.getCurrent().setLocale(UiLocale.FRENCH);
        AgendaView view = navigate(AgendaView.class);
        view.customer.setValue("AGV-2");
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("kind"))).isEqualTo("Appel");
        assertThat(view.getPageTitle()).isEqualTo("Agenda");
    }

    org.opendso.security.Staff tenantsCollector() {
        return db.sql("select id, tenant_id, login, name, role, locale from app_user where login = 'collector'")
                .map((r, m) -> new org.opendso.security.Staff(r.get("tenant_id", Long.class), r.get("id", Long.class),
                        r.get("login", String.class), r.get("name", String.class),
                        org.opendso.security.Role.valueOf(r.get("role", String.class)), r.get("locale", String.class)))
                .one().block();
    }
}
