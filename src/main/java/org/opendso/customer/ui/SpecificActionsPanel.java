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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinService;
import org.opendso.action.SpecificAction;
import org.opendso.action.ui.CompleteActionDialog;
import org.opendso.action.ui.CreateActionDialog;
import org.opendso.action.ui.SpecificActionDialogs;
import org.opendso.action.SpecificActions;
import org.opendso.customer.Customer;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import reactor.core.publisher.Mono;

/**
 * The account's specific actions, open ones first, with kind, items, resolver, due date and state; a new one is
 * created here, an open one completed, edited or cancelled (the dialogs of {@code action.ui}, got through Vaadin's
 * instantiator so that the sheet passes only what it did). The sheet reloads it on the action events.
 */
class SpecificActionsPanel extends VerticalLayout {

    private final SpecificActions actions;
    private final Staff staff;
    private final Customer customer;
    private final SpecificActionDialogs dialogs;
    final Button create = new Button();

    final Grid<SpecificAction> grid = new Grid<>(SpecificAction.class, false);
    private final AtomicLong reads = new AtomicLong();

    SpecificActionsPanel(SpecificActions actions, Staff staff, Customer customer) {
        this.actions = actions;
        this.staff = staff;
        this.customer = customer;
        this.dialogs = VaadinService.getCurrent().getInstantiator().getOrCreate(SpecificActionDialogs.class);
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
            complete.addClassName("complete");
            Button edit = new Button(getTranslation("actions.edit"), e -> dialogs.edit(staff, a, this::load));
            edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            edit.addClassName("edit");
            Button cancel = new Button(getTranslation("actions.cancel"), e -> dialogs.cancel(staff, a, this::load));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.ERROR);
            cancel.addClassName("cancel");
            return new HorizontalLayout(complete, edit, cancel);
        }).setHeader("").setKey("actions").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("sheet.actions.none"));

        create.setText(getTranslation("actions.create"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LUMO_SMALL);
        create.addClickListener(e -> create());
        add(create, grid);
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

    CreateActionDialog create() {
        return dialogs.create(staff, customer.id(), List.of(), this::load);
    }

    CompleteActionDialog complete(SpecificAction action) {
        return dialogs.complete(staff, action, this::load);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
