package org.opendso.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActions;
import org.opendso.customer.Customer;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import reactor.core.publisher.Mono;

/** The account's specific actions, open ones first; an open one is completed with a note. */
class SpecificActionsPanel extends VerticalLayout {

    private final SpecificActions actions;
    private final Staff staff;
    private final Customer customer;

    final Grid<SpecificAction> grid = new Grid<>(SpecificAction.class, false);
    private final AtomicLong reads = new AtomicLong();

    SpecificActionsPanel(SpecificActions actions, Staff staff, Customer customer) {
        this.actions = actions;
        this.staff = staff;
        this.customer = customer;
        setPadding(false);
        setSizeFull();
        addClassName("specific-actions");

        LocalDate today = LocalDate.now();
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addComponentColumn(a -> new Tag(getTranslation("sheet.actions.state." + a.state().name()),
                        a.isOpen() ? "primary" : "success"))
                .setHeader(getTranslation("sheet.actions.state")).setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> getTranslation("sheet.actions.kind." + a.kind().name()))
                .setHeader(getTranslation("sheet.actions.kind")).setKey("kind").setAutoWidth(true);
        grid.addColumn(a -> String.join(", ", a.items())).setHeader(getTranslation("sheet.actions.items"))
                .setKey("items").setFlexGrow(2);
        grid.addColumn(a -> Money.date(a.dueDate(), getLocale())).setHeader(getTranslation("sheet.actions.due"))
                .setKey("dueDate").setAutoWidth(true)
                .setPartNameGenerator(a -> a.isOpen() && a.dueDate().isBefore(today) ? "overdue" : null);
        grid.addColumn(SpecificAction::assigneeName).setHeader(getTranslation("sheet.actions.assignee"))
                .setKey("assignee").setAutoWidth(true);
        grid.addColumn(a -> a.isOpen() ? nz(a.note())
                        : getTranslation("sheet.actions.done", nz(a.completedBy()),
                                Money.dateTime(a.completedAt(), getLocale()), nz(a.completionNote())))
                .setHeader(getTranslation("sheet.actions.note")).setKey("note").setFlexGrow(3);
        grid.addColumn(a -> getTranslation("sheet.actions.created-by", nz(a.createdBy()),
                        Money.dateTime(a.createdAt(), getLocale())))
                .setHeader(getTranslation("sheet.actions.created")).setKey("created").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            if (!a.isOpen()) {
                return new Span();
            }
            Button complete = new Button(getTranslation("sheet.actions.complete"), new Icon(VaadinIcon.CHECK),
                    e -> complete(a));
            complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.SUCCESS);
            return complete;
        }).setHeader("").setKey("actions").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("sheet.actions.none"));

        add(grid);
        expand(grid);
        load();
    }

    void load() {
        reads.incrementAndGet();
        try {
            show(actions.ofCustomer(staff.tenantId(), customer.id()).collectList()
                    .block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    /**
     * Reads without blocking, for live updates; the result, run on the UI thread, shows the list unless a later
     * read started meanwhile (an older answer must not hide a newer one, e.g. an action just completed).
     */
    Mono<Runnable> reload() {
        long ticket = reads.incrementAndGet();
        return actions.ofCustomer(staff.tenantId(), customer.id()).collectList().map(list -> () -> {
            if (reads.get() == ticket) {
                show(list);
            }
        });
    }

    void show(List<SpecificAction> list) {
        grid.setItems(list);
    }

    CompleteActionDialog complete(SpecificAction action) {
        CompleteActionDialog dialog = new CompleteActionDialog(action, note -> {
            try {
                actions.complete(staff, action.id(), note).block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("sheet.actions.completed"));
                load();
                return true;
            } catch (RuntimeException e) {
                Toasts.failure(e);
                load();
                return true;
            }
        });
        dialog.open();
        return dialog;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
