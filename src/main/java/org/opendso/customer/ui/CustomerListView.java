package org.opendso.customer.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendso.alert.ui.AlertBadges;
import org.opendso.customer.CustomerQuery;
import org.opendso.customer.CustomerRow;
import org.opendso.customer.Customers;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.scenario.Scenarios;
import org.opendso.scenario.ui.AssignScenarioDialog;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The customer accounts the staff member may see: search, filters, sort on the server, and a lazy grid that
 * fetches one page at a time (fine for 100k accounts). Admins select accounts and assign staff to them. Balances
 * follow imports live: the tenant's event stream brings each account's new figures, and a row on screen is redrawn.
 */
@Route("customers")
@RouteAlias("")
@Menu(title = "menu.customers", order = 10, icon = "vaadin:briefcase")
@PermitAll
public class CustomerListView extends VerticalLayout implements HasDynamicTitle {

    /** How many fetched rows the list remembers for live updates (a few pages; the grid shows fewer). */
    static final int FETCHED_ROWS = 1000;
    private static final Logger log = LoggerFactory.getLogger(CustomerListView.class);

    private final Customers customers;
    private final Users users;
    private final EventStreams streams;
    private final Scenarios scenarios;
    private final Staff staff;

    final TextField search = new TextField();
    final ComboBox<StaffUser> collector = new ComboBox<>();
    final ComboBox<StaffUser> salesManager = new ComboBox<>();
    final Checkbox overdueOnly = new Checkbox();
    final Grid<CustomerRow> grid = new Grid<>(CustomerRow.class, false);
    final Span count = new Span();
    final Button assign = new Button();
    final Button assignScenario = new Button();

    private CustomerQuery query = CustomerQuery.text("");
    private long total;

    /** Position in the tenant's event stream when the list was read: live updates start right after it. */
    private long seenEvent;
    private Disposable live;
    /** The rows the grid fetched lately, by customer id: where an import's new figures go. */
    private final Map<Long, CustomerRow> fetched = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, CustomerRow> eldest) {
            return size() > FETCHED_ROWS;
        }
    };
    private CallbackDataProvider<CustomerRow, Void> provider;

    CustomerListView(Customers customers, Users users, EventStreams streams, Scenarios scenarios) {
        this.customers = customers;
        this.users = users;
        this.streams = streams;
        this.scenarios = scenarios;
        this.staff = CurrentStaff.require();
        seenEvent = streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        addClassName("customer-list");
        setSizeFull();
        setPadding(true);

        search.setPlaceholder(getTranslation("customers.search"));
        search.setAriaLabel(getTranslation("customers.search"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("18em");
        search.addValueChangeListener(e -> refresh());

        List<StaffUser> colleagues = users.of(staff).filter(StaffUser::enabled)
                .collectList().block(); // allowed-blocking: Vaadin request thread
        collector.setPlaceholder(getTranslation("customers.collector"));
        collector.setAriaLabel(getTranslation("customers.collector"));
        collector.setItems(colleagues.stream().filter(u -> u.role() != Role.SALES_MANAGER).toList());
        collector.setItemLabelGenerator(StaffUser::name);
        collector.setClearButtonVisible(true);
        collector.setWidth("15em");
        collector.addValueChangeListener(e -> refresh());

        salesManager.setPlaceholder(getTranslation("customers.sales-manager"));
        salesManager.setAriaLabel(getTranslation("customers.sales-manager"));
        salesManager.setItems(colleagues.stream().filter(u -> u.role() == Role.SALES_MANAGER).toList());
        salesManager.setItemLabelGenerator(StaffUser::name);
        salesManager.setClearButtonVisible(true);
        salesManager.setWidth("15em");
        salesManager.addValueChangeListener(e -> refresh());

        overdueOnly.setLabel(getTranslation("customers.overdue-only"));
        overdueOnly.addValueChangeListener(e -> refresh());

        count.addClassName("result-count");

        HorizontalLayout filters = new HorizontalLayout(search, collector, salesManager, overdueOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.addClassName("filters");

        assign.setText(getTranslation("customers.assign"));
        assign.setIcon(new Icon(VaadinIcon.USER_CHECK));
        assign.addThemeVariants(ButtonVariant.PRIMARY);
        assign.setVisible(staff.isAdmin());
        assign.addClickListener(e -> openAssignDialog());

        assignScenario.setText(getTranslation("assign-scenario.button"));
        assignScenario.setVisible(Scenarios.mayAssignAll(staff));
        assignScenario.addClickListener(e -> openAssignScenarioDialog());

        HorizontalLayout toolbar = new HorizontalLayout(filters, count, assignScenario, assign);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(filters);

        configureGrid();
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid() {
        LocalDate today = LocalDate.now();
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addClassName("customers-grid");
        grid.setSizeFull();
        if (staff.isAdmin()) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
        }
        grid.addColumn(CustomerRow::account).setHeader(getTranslation("customers.account"))
                .setKey(CustomerQuery.Sort.ACCOUNT.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        AlertBadges.current().addColumn(grid, CustomerRow::id);
        grid.addColumn(CustomerRow::name).setHeader(getTranslation("customers.name"))
                .setKey(CustomerQuery.Sort.NAME.name()).setSortable(true).setWidth("11rem").setFlexGrow(3);
        grid.addColumn(CustomerRow::city).setHeader(getTranslation("customers.city")).setKey("city").setWidth("6rem").setFlexGrow(1);
        grid.addColumn(r -> nz(r.collectors())).setHeader(getTranslation("customers.collectors"))
                .setKey("collectors").setWidth("8rem").setFlexGrow(1);
        grid.addColumn(r -> nz(r.salesManagers())).setHeader(getTranslation("customers.sales-managers"))
                .setKey("salesManagers").setWidth("8rem").setFlexGrow(1);
        grid.addColumn(r -> Money.format(r.balance(), r.currency(), getLocale()))
                .setHeader(getTranslation("customers.balance")).setKey(CustomerQuery.Sort.BALANCE.name())
                .setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Money.format(r.overdue(), r.currency(), getLocale()))
                .setHeader(getTranslation("customers.overdue")).setKey(CustomerQuery.Sort.OVERDUE.name())
                .setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(r -> r.overdue().signum() > 0 ? "overdue" : null);
        grid.addColumn(r -> r.oldestOverdue() == null ? "" : String.valueOf(r.oldestOverdueDays(today)))
                .setHeader(getTranslation("customers.oldest-overdue-days"))
                .setKey(CustomerQuery.Sort.OLDEST_OVERDUE.name()).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("customers.none"));

        provider = new CallbackDataProvider<>(q -> {
            CustomerQuery.Sort sort = CustomerQuery.Sort.ACCOUNT;
            boolean descending = false;
            if (!q.getSortOrders().isEmpty()) {
                var order = q.getSortOrders().getFirst();
                sort = CustomerQuery.Sort.valueOf(order.getSorted());
                descending = order.getDirection() == SortDirection.DESCENDING;
                // "oldest overdue days" grows as the due date gets older
                if (sort == CustomerQuery.Sort.OLDEST_OVERDUE) {
                    descending = !descending;
                }
            }
            List<CustomerRow> rows = customers.search(staff, query.page(q.getOffset(), q.getLimit()).sorted(sort, descending))
                    .collectList().block(); // allowed-blocking: Vaadin request thread
            rows.forEach(r -> fetched.put(r.id(), r));
            return rows.stream();
        }, q -> (int) Math.min(total, Integer.MAX_VALUE), CustomerRow::id);
        grid.setItems(provider);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addSelectionListener(e -> updateAssignLabel());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        if (live != null) {
            return;
        }
        // imports change balances; the list follows them (qualifications do not change amounts)
        live = streams.tenant(staff.tenantId(), seenEvent, event -> event.type() == EventType.ITEMS_IMPORTED)
                .subscribe(event -> {
                    try {
                        ui.access(() -> apply(event));
                    } catch (UIDetachedException gone) {
                        // the tab was closed; the subscription is disposed on detach
                    }
                }, error -> log.warn("Live balances of the customer list stopped", error));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(detachEvent);
    }

    /** An import's figures for an account: the row is redrawn if the grid has it; others are read when fetched. */
    void apply(AccountEvent event) {
        seenEvent = Math.max(seenEvent, event.id());
        CustomerRow row = fetched.get(event.customerId());
        EventPayloads.Figures f = row == null ? null : EventPayloads.figures(EventPayloads.read(event));
        if (f == null) {
            return;
        }
        CustomerRow updated = new CustomerRow(row.id(), row.account(), row.name(), row.city(), row.currency(),
                f.balance(), f.overdue(), f.openItems(), f.oldestOverdue(), row.collectors(), row.salesManagers());
        fetched.put(updated.id(), updated);
        provider.refreshItem(updated);
    }

    CustomerRow fetchedRow(long customerId) {
        return fetched.get(customerId);
    }

    private void open(CustomerRow row) {
        getUI().ifPresent(ui -> ui.navigate(CustomerSheetView.class, new RouteParameters("account", row.account())));
    }

    /** Applies the filters: counts once, then the grid fetches the pages it shows. */
    void refresh() {
        query = new CustomerQuery(search.getValue(), id(collector.getValue()), id(salesManager.getValue()),
                overdueOnly.getValue(), CustomerQuery.Sort.ACCOUNT, false, 0, 50);
        try {
            total = customers.count(staff, query).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            total = 0;
            Toasts.failure(e);
        }
        count.setText(getTranslation(total == 1 ? "customers.count.one" : "customers.count", total));
        grid.deselectAll();
        fetched.clear();
        grid.getDataProvider().refreshAll();
        updateAssignLabel();
    }

    private void updateAssignLabel() {
        int selected = grid.getSelectedItems().size();
        assign.setText(selected == 0 ? getTranslation("customers.assign")
                : getTranslation("customers.assign.selected", selected));
    }

    private void openAssignDialog() {
        Set<CustomerRow> selected = grid.getSelectedItems();
        new AssignDialog(customers, users, staff, query, total, selected.stream().map(CustomerRow::id).toList(), n -> {
            Toasts.success(getTranslation("assign.done", n));
            refresh();
        }).open();
    }

    /** The whole search result, not the selection: a scenario is set for "these customers". */
    AssignScenarioDialog openAssignScenarioDialog() {
        AssignScenarioDialog dialog = new AssignScenarioDialog(scenarios, staff, query, total, n -> refresh());
        dialog.open();
        return dialog;
    }

    CustomerQuery currentQuery() {
        return query;
    }

    private static Long id(StaffUser user) {
        return user == null ? null : user.id();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("customers.title");
    }

    List<GridSortOrder<CustomerRow>> sortOrder() {
        return grid.getSortOrder();
    }
}
