package org.opendso.agenda.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.Confirmed;
import org.opendso.agenda.EmailActions;
import org.opendso.agenda.PlannedAction;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;

/**
 * "To confirm": the automatic emails that wait for the collector's go (steps in mode automatic with confirmation),
 * due today or late. Select some or all and send them as their templates propose in one click, or open one in the
 * composer to edit it first.
 */
@Route("agenda/to-confirm")
@Menu(title = "menu.to-confirm", order = 6, icon = "vaadin:envelope-open-o")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class ToConfirmView extends VerticalLayout implements HasDynamicTitle {

    private final EmailActions emails;
    private final EmailComposers composers;
    private final Agenda agenda;
    private final Staff staff;

    final Grid<PlannedAction> grid = new Grid<>();
    final Button sendSelected = new Button();
    final Button sendAll = new Button();
    final Paragraph empty = new Paragraph();

    ToConfirmView(EmailActions emails, EmailComposers composers, Agenda agenda) {
        this.emails = emails;
        this.composers = composers;
        this.agenda = agenda;
        this.staff = CurrentStaff.require();
        addClassName("to-confirm-view");
        setSizeFull();

        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(a -> Money.date(a.dueDate(), getLocale())).setHeader(getTranslation("agenda.due"))
                .setKey("due").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(a -> a.isLate(agenda.today()) ? "late" : null);
        grid.addColumn(a -> a.account() + " · " + a.customerName()).setHeader(getTranslation("agenda.customer"))
                .setKey("customer").setFlexGrow(1);
        grid.addColumn(a -> a.scenario() == null ? "" : a.scenario() + (a.label().isEmpty() ? "" : " · " + a.label()))
                .setHeader(getTranslation("agenda.step")).setKey("step").setFlexGrow(1);
        grid.addColumn(a -> Money.number(a.amount(), getLocale())).setHeader(getTranslation("agenda.amount"))
                .setKey("amount").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(a -> {
            Button write = new Button(getTranslation("agenda.email.open"), e -> open(a));
            write.addThemeVariants(ButtonVariant.SMALL);
            return write;
        }).setKey("open").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        grid.addSelectionListener(e -> sendSelected.setEnabled(!e.getAllSelectedItems().isEmpty()));

        sendSelected.setText(getTranslation("agenda.confirm.send-selected"));
        sendSelected.setEnabled(false);
        sendSelected.addClickListener(e -> confirm(List.copyOf(grid.getSelectedItems())));
        sendAll.setText(getTranslation("agenda.confirm.send-all"));
        sendAll.addThemeVariants(ButtonVariant.PRIMARY);
        sendAll.addClickListener(e -> confirm(rows()));
        add(new Paragraph(getTranslation("agenda.confirm.hint")), new HorizontalLayout(sendAll, sendSelected), empty,
                grid);
        refresh();
    }

    void refresh() {
        List<PlannedAction> rows = emails.toConfirm(staff).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        grid.setItems(rows);
        sendAll.setEnabled(!rows.isEmpty());
        empty.setText(rows.isEmpty() ? getTranslation("agenda.confirm.none") : "");
    }

    EmailComposer open(PlannedAction a) {
        return composers.open(staff, a.id(), sent -> refresh());
    }

    Confirmed confirm(List<PlannedAction> actions) {
        if (actions.isEmpty()) {
            return null;
        }
        Confirmed result = emails.confirmAll(staff, actions.stream().map(PlannedAction::id).toList())
                .block(); // allowed-blocking: Vaadin request thread
        if (result.failed().isEmpty()) {
            Toasts.success(getTranslation("agenda.confirm.sent", result.sent().size()));
        } else {
            Toasts.error(getTranslation("agenda.confirm.partly", result.sent().size(), result.failed().size(),
                    String.join("; ", result.failed().values())));
        }
        refresh();
        return result;
    }

    List<PlannedAction> rows() {
        return grid.getListDataView().getItems().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.to-confirm");
    }
}
