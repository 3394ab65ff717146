package org.opendso.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import org.opendso.report.DashboardFigures;
import org.opendso.report.FinanceDashboard;
import org.opendso.report.ReportFilter;
import org.opendso.report.web.ReportCsv;
import org.opendso.ui.DashboardCard;
import org.opendso.ui.Figure;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Mono;

/**
 * The finance lead's home: balance, overdue share, DSO, qualification rate and open alerts (each leading to its
 * report), live; below them every {@link DashboardCard} of the application (the cash forecast), in their order.
 * Administrators and collectors (their own book); sales managers work from their accounts and the reports.
 */
@Route("dashboard")
@Menu(title = "menu.dashboard", order = 1, icon = "vaadin:dashboard")
@RolesAllowed({"ADMIN", "COLLECTOR"})
public class FinanceDashboardView extends ReportPage<DashboardFigures> {

    private final FinanceDashboard dashboard;
    final Div cards = new Div();
    final List<Component> shownCards;

    FinanceDashboardView(ReportPageServices services, FinanceDashboard dashboard, ObjectProvider<DashboardCard> cards) {
        super(services, "dashboard.title", "dashboard.csv");
        this.dashboard = dashboard;
        addClassName("finance-dashboard");
        chart.setVisible(false); // the figures say it; the cards bring the charts
        this.cards.addClassName("dashboard-cards");
        shownCards = cards.orderedStream().sorted(Comparator.comparingInt(DashboardCard::order))
                .map(card -> card.create(staff)).toList();
        shownCards.forEach(this.cards::add);
        Div links = new Div(new Anchor("reports/aging", getTranslation("menu.report.aging")),
                new Anchor("reports/dso", getTranslation("menu.report.dso")),
                new Anchor("reports/items-status", getTranslation("menu.report.items-status")),
                new Anchor("reports/disputes", getTranslation("menu.report.disputes")),
                new Anchor("notifications", getTranslation("dashboard.alerts")));
        links.addClassName("dashboard-links");
        add(links, this.cards);
    }

    @Override
    Mono<DashboardFigures> read(ReportFilter filter) {
        return dashboard.of(staff, filter);
    }

    @Override
    String csv(DashboardFigures report) {
        return ReportCsv.dashboard(report);
    }

    @Override
    void show(DashboardFigures f) {
        figures(new Figure(getTranslation("dashboard.balance"), money(f.balance(), f.currency())).tone("primary"),
                new Figure(getTranslation("dashboard.overdue-percent"), percent(f.overduePercent())).tone("error"),
                new Figure(getTranslation("dashboard.dso"), days(f.dso())),
                new Figure(getTranslation("dashboard.qualification-rate"), percent(f.qualificationRate())).tone("success"),
                new Figure(getTranslation("dashboard.alerts"), String.valueOf(f.openAlerts())).tone("warning"));
    }
}
