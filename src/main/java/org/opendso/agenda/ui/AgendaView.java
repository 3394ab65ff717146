package org.opendso.agenda.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.opendso.action.SpecificActions;
import org.opendso.action.ui.ResolverActions;
import org.opendso.action.ui.SpecificActionDialogs;
import org.opendso.agenda.Agenda;
import org.opendso.realtime.EventStreams;
import org.opendso.agenda.AgendaCounts;
import org.opendso.agenda.AgendaPage;
import org.opendso.agenda.AgendaQuery;
import org.opendso.agenda.PlannedAction;
import org.opendso.scenario.Scenario;
import org.opendso.scenario.Scenarios;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;

/**
 * "Agenda": the caller's waiting collection actions (late ones first, up to a week ahead) with today / late / next
 * 7 days counts, filters by kind and customer, and the row actions a collector does all day: done, skip, move.
 */
@Route("agenda")
@Menu(title = "menu.agenda", order = 5, icon = "vaadin:calendar-clock")
@RolesAllowed({"ADMIN", "COLLECTOR", "SALES_MANAGER"})
public class AgendaView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> KINDS = List.of("EMAIL", "LETTER", "CALL", "INTERNAL_TASK", "OLD_ITEMS_WARNING");

    private final Agenda agenda;
    private final EmailComposers composers;
    private final LetterAndCallDialogs letterAndCall;
    private final Users users;
    private final Staff staff;

    final Figure today;
    final Figure late;
    final Figure next7Days;
    final ComboBox<String> kind = new ComboBox<>();
    final TextField customer = new TextField();
    final ComboBox<String> scenario = new ComboBox<>();
    final BigDecimalField minAmount = new BigDecimalField();
    final Grid<PlannedAction> grid = new Grid<>();
    private final HorizontalLayout figures = new HorizontalLayout();

    /** The user's open specific actions as resolver, in a section of their own above the scenario's actions. */
    final ResolverActions specific;

    AgendaView(Agenda agenda, EmailComposers composers, LetterAndCallDialogs letterAndCall, Scenarios scenarios,
               Users users, SpecificActions specificActions, SpecificActionDialogs specificDialogs,
               EventStreams streams) {
        this.agenda = agenda;
        this.users = users;
        this.composers = composers;
        this.letterAndCall = letterAndCall;
        this.staff = CurrentStaff.require();
        addClassName("agenda-view");
        setSizeFull();

        today = new Figure(getTranslation("agenda.today"), "0");
        late = new Figure(getTranslation("agenda.late"), "0").tone("danger");
        next7Days = new Figure(getTranslation("agenda.next7"), "0");
        figures.add(today, late, next7Days);

        kind.setLabel(getTranslation("agenda.kind"));
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("agenda.kind." + k));
        kind.setClearButtonVisible(true);
        kind.addValueChangeListener(e -> refresh());
        customer.setLabel(getTranslation("agenda.customer"));
        customer.setId("agenda-customer");
        customer.setClearButtonVisible(true);
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.addValueChangeListener(e -> refresh());
        scenario.setLabel(getTranslation("agenda.scenario"));
        scenario.setItems(scenarios.all(staff.tenantId()).map(Scenario::name).collectList()
                .block()); // allowed-blocking: Vaadin request thread
        scenario.setClearButtonVisible(true);
        scenario.addValueChangeListener(e -> refresh());
        minAmount.setLabel(getTranslation("agenda.min-amount"));
        minAmount.setClearButtonVisible(true);
        minAmount.setValueChangeMode(ValueChangeMode.LAZY);
        minAmount.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(kind, scenario, customer, minAmount);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(a -> Money.date(a.dueDate(), getLocale())).setHeader(getTranslation("agenda.due"))
                .setKey("due").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(a -> a.isLate(agenda.today()) ? "late" : null);
        grid.addColumn(a -> getTranslation("agenda.kind." + a.kind())).setHeader(getTranslation("agenda.kind"))
                .setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.account() + " · " + a.customerName()).setHeader(getTranslation("agenda.customer"))
                .setKey("customer").setFlexGrow(1);
        grid.addColumn(a -> a.scenario() == null ? "" : a.scenario() + (a.label().isEmpty() ? "" : " · " + a.label()))
                .setHeader(getTranslation("agenda.step")).setKey("step").setFlexGrow(1);
        grid.addColumn(a -> Money.number(a.amount(), getLocale())).setHeader(getTranslation("agenda.amount"))
                .setKey("amount").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::rowActions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()), query -> (int) page(0, 1).total());
        grid.setSizeFull();
        grid.setId("agenda-grid");

        specific = new ResolverActions(specificActions, specificDialogs, streams, staff);
        add(specific, figures, filters, grid);
        refresh();
    }

    private HorizontalLayout rowActions(PlannedAction a) {
        Button done = new Button(getTranslation("agenda.done"), e -> complete(a));
        done.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        Button skip = new Button(getTranslation("agenda.skip"), e -> skip(a));
        skip.addThemeVariants(ButtonVariant.SMALL);
        Button move = new Button(getTranslation("agenda.move"), e -> openMove(a));
        move.addThemeVariants(ButtonVariant.SMALL);
        MenuBar more = new MenuBar();
        more.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY_INLINE);
        var moreItem = more.addItem(new Icon(VaadinIcon.ELLIPSIS_DOTS_H));
        moreItem.setAriaLabel(getTranslation("agenda.more"));
        var menu = moreItem.getSubMenu();
        menu.addItem(getTranslation("agenda.reassign"), e -> openReassign(a));
        menu.addItem(getTranslation("agenda.replace"), e -> openReplace(a));
        HorizontalLayout buttons = new HorizontalLayout(done, skip, move, more);
        if ("EMAIL".equals(a.kind())) {
            // an email is done by writing it: "Done" without a mail stays for one sent outside the application
            Button write = new Button(getTranslation("agenda.email.open"), e -> write(a));
            write.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            write.addClassName("agenda-write");
            done.removeThemeVariants(ButtonVariant.PRIMARY);
            buttons.addComponentAsFirst(write);
        } else if ("LETTER".equals(a.kind()) || "CALL".equals(a.kind())) {
            // carrying out a letter or a call: its own dialog (see LetterAndCallDialogs)
            Button open = new Button(getTranslation(a.kind().equals("LETTER") ? "letter.open" : "call.open"),
                    e -> open(a));
            open.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            done.removeThemeVariants(ButtonVariant.PRIMARY);
            buttons.addComponentAsFirst(open);
        }
        return buttons;
    }

    /** The letter or call dialog of the row; the agenda refreshes once the action is done or moved. */
    Object open(PlannedAction a) {
        return letterAndCall.open(staff, a, this::refresh);
    }

    /** The grid asks for pages (offset a multiple of the limit); anything else is read from the start. */
    private java.util.stream.Stream<PlannedAction> fetch(int offset, int limit) {
        if (limit <= 0) {
            return java.util.stream.Stream.empty();
        }
        if (offset % limit == 0) {
            return page(offset / limit, limit).actions().stream();
        }
        return page(0, offset + limit).actions().stream().skip(offset);
    }

    private AgendaPage page(int page, int size) {
        String account = customer.getValue() == null || customer.getValue().isBlank() ? null : customer.getValue().strip();
        BigDecimal min = minAmount.getValue() == null || minAmount.getValue().signum() < 0 ? null : minAmount.getValue();
        return agenda.list(staff, new AgendaQuery(null, null, null, kind.getValue(), account, scenario.getValue(), min,
                        page, size))
                .block(); // allowed-blocking: Vaadin request thread
    }

    /** The counts and the grid again, after a filter or a row action changed them. */
    void refresh() {
        AgendaCounts counts = page(0, 1).counts();
        today.getChildren().skip(1).findFirst().ifPresent(c -> c.getElement().setText(Long.toString(counts.today())));
        late.getChildren().skip(1).findFirst().ifPresent(c -> c.getElement().setText(Long.toString(counts.late())));
        next7Days.getChildren().skip(1).findFirst()
                .ifPresent(c -> c.getElement().setText(Long.toString(counts.next7Days())));
        grid.getDataProvider().refreshAll();
    }

    void complete(PlannedAction a) {
        run(() -> agenda.complete(staff, a.id(), a.version(), "", "").block(), "agenda.done.toast"); // allowed-blocking
    }

    void skip(PlannedAction a) {
        run(() -> agenda.skip(staff, a.id(), a.version(), "").block(), "agenda.skip.toast"); // allowed-blocking
    }

    void move(PlannedAction a, LocalDate to) {
        run(() -> agenda.reschedule(staff, a.id(), a.version(), to).block(), "agenda.move.toast"); // allowed-blocking
    }

    /** The composer of an email action; the agenda refreshes once it is sent. */
    EmailComposer write(PlannedAction a) {
        return composers.open(staff, a.id(), sent -> refresh());
    }

    /** Given to another user of the company who sees the account (the service checks who may and to whom). */
    void reassign(PlannedAction a, String login) {
        run(() -> agenda.reassign(staff, a.id(), a.version(), login).block(), "agenda.reassign.toast"); // allowed-blocking
    }

    /** Replaced by an action of another kind on the same step (a call instead of a letter). */
    void replace(PlannedAction a, String kind, LocalDate dueDate) {
        run(() -> agenda.replace(staff, a.id(), a.version(), kind, dueDate).block(), "agenda.replace.toast"); // allowed-blocking
    }

    private void openReassign(PlannedAction a) {
        Dialog dialog = new Dialog(getTranslation("agenda.reassign.title"));
        ComboBox<StaffUser> user = new ComboBox<>(getTranslation("agenda.reassign.user"));
        user.setItems(users.of(staff).filter(StaffUser::enabled).collectList()
                .block()); // allowed-blocking: Vaadin request thread
        user.setItemLabelGenerator(u -> u.name() + " (" + u.login() + ")");
        Button ok = new Button(getTranslation("agenda.reassign"), e -> {
            if (user.getValue() != null) {
                reassign(a, user.getValue().login());
                dialog.close();
            }
        });
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(user);
        dialog.getFooter().add(new Button(getTranslation("agenda.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void openReplace(PlannedAction a) {
        Dialog dialog = new Dialog(getTranslation("agenda.replace.title"));
        ComboBox<String> newKind = new ComboBox<>(getTranslation("agenda.kind"));
        newKind.setItems(KINDS.stream().filter(k -> !k.equals("OLD_ITEMS_WARNING") && !k.equals(a.kind())).toList());
        newKind.setItemLabelGenerator(k -> getTranslation("agenda.kind." + k));
        DatePicker date = new DatePicker(getTranslation("agenda.move.date"), a.dueDate());
        Button ok = new Button(getTranslation("agenda.replace"), e -> {
            if (newKind.getValue() != null) {
                replace(a, newKind.getValue(), date.getValue());
                dialog.close();
            }
        });
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new VerticalLayout(newKind, date));
        dialog.getFooter().add(new Button(getTranslation("agenda.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void openMove(PlannedAction a) {
        Dialog dialog = new Dialog(getTranslation("agenda.move.title"));
        DatePicker date = new DatePicker(getTranslation("agenda.move.date"), a.dueDate());
        Button ok = new Button(getTranslation("agenda.move"), e -> {
            if (date.getValue() != null) {
                move(a, date.getValue());
                dialog.close();
            }
        });
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(date);
        dialog.getFooter().add(new Button(getTranslation("agenda.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void run(Supplier<PlannedAction> change, String toast) {
        try {
            change.get();
            Toasts.success(getTranslation(toast));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        refresh();
    }

    List<PlannedAction> rows() {
        return grid.getLazyDataView().getItems().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.agenda");
    }
}
