package org.opendso.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.CallActions;
import org.opendso.agenda.LetterActions;
import org.opendso.agenda.PlannedAction;
import org.opendso.agenda.AgendaQuery;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** Calls and letters as the account's history tells them, in English and in French. */
class LetterCallHistoryIT extends ViewTestSupport {

    @Autowired
    Agenda agenda;

    @Autowired
    CallActions calls;

    @Autowired
    LetterActions letters;

    @Autowired
    DatabaseClient db;

    /** A customer of the collector on a scenario of a call (+20, due 5 days ago) then a letter (+40). */
    String account() {
        String account = "LCH-" + System.nanoTime() % 1_000_000;
        long scenario = db.sql("insert into scenario (tenant_id, name) values (1, :n) returning id")
                .bind("n", "History " + account).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, label)
                values (1, :s, 0, 20, 'CALL', 'Call'), (1, :s, 1, 40, 'LETTER', 'Letter')""")
                .bind("s", scenario).then().block();
        long c = db.sql("insert into customer (tenant_id, account, name, scenario_id) values (1, :a, :a, :s) returning id")
                .bind("a", account).bind("s", scenario).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into customer_assignment (tenant_id, customer_id, user_id, role)
                select 1, :c, id, 'COLLECTOR' from app_user where login = 'collector'""").bind("c", c).then().block();
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, 'INVOICE', :n, :d, :d, 300, 300, 'EUR')""")
                .bind("c", c).bind("n", account + "-1").bind("d", agenda.today().minusDays(25)).then().block();
        agenda.regenerate(1, List.of(c)).block();
        return account;
    }

    PlannedAction waiting(Staff staff, String account) {
        return agenda.list(staff, new AgendaQuery(null, null, agenda.today().plusDays(30), null, account, 0, 5))
                .block().actions().getFirst();
    }

    List<String> history(String account) {
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", account));
        CustomerSheetView sheet = (CustomerSheetView) getCurrentView();
        test(sheet.tabs).select(sheet.getTranslation("sheet.tab.history"));
        roundTrip();
        var grid = test(sheet.history.grid);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            lines.add(grid.getCellText(i, grid.getColumnPosition("what")) + " | "
                    + grid.getCellText(i, grid.getColumnPosition("detail")));
        }
        return lines;
    }

    @Test
    void callsAndLettersReadAsSentencesWithTheirOutcomes() {
        String account = account();
        String emailed = account();
        login("collector");
        Staff collector = CurrentStaff.require();
        PlannedAction call = waiting(collector, account);
        var first = calls.log(collector, call.id(), call.version(), "NO_ANSWER", "").block();
        calls.log(collector, call.id(), first.action().version(), "REACHED", "Spoke with the buyer").block();
        PlannedAction letter = waiting(collector, account);
        letters.markSent(collector, letter.id(), letter.version()).block();
        calls.log(collector, waiting(collector, emailed).id(), null, "WRONG_NUMBER", "").block();
        PlannedAction letter2 = waiting(collector, emailed);
        letters.emailAsAttachment(collector, letter2.id(), letter2.version(), "buyer@history.example").block();

        String retryOn = org.opendso.ui.Money.date(first.retryOn(), UiLocale.ENGLISH);
        assertThat(history(account)).contains(
                "Call: no answer; to call again on " + retryOn + " | ",
                "Call: reached the customer | Spoke with the buyer",
                "Phone call done: reached the customer | Spoke with the buyer",
                "Letter “Formal notice to pay - account " + account + "” printed for posting | ",
                "Letter done: sent by post | ");
        assertThat(history(emailed)).contains("Call: wrong number | ",
                "Letter “Formal notice to pay - account " + emailed + "” emailed to buyer@history.example | ",
                "Letter done: sent by email | ");

        UI.getCurrent().setLocale(UiLocale.FRENCH);
        assertThat(history(account)).contains(
                "Appel : pas de réponse ; à rappeler le " + org.opendso.ui.Money.date(first.retryOn(), UiLocale.FRENCH)
                        + " | ",
                "Appel : client joint | Spoke with the buyer",
                "Courrier « Formal notice to pay - account " + account + " » imprimé pour envoi postal | ",
                "Courrier fait(e) : envoyé par la poste | ");
    }
}
