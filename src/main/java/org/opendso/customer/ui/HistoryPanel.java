package org.opendso.customer.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opendso.customer.Customer;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import org.opendso.user.StaffUser;

/**
 * The account's history: its event log, newest first, filterable by type, user and item; new events are
 * prepended live (when they match the filters).
 */
class HistoryPanel extends VerticalLayout {

    /** The history shows the latest events; older ones are a filter away. */
    static final int LIMIT = 200;

    private final EventStreams streams;
    private final Staff staff;
    private final Customer customer;
    private final AccountNews news = new AccountNews(this);

    final Select<EventType> type = new Select<>();
    final ComboBox<StaffUser> user = new ComboBox<>();
    final TextField item = new TextField();
    final Grid<AccountEvent> grid = new Grid<>(AccountEvent.class, false);
    private final List<AccountEvent> events = new ArrayList<>();

    HistoryPanel(EventStreams streams, Staff staff, Customer customer, List<StaffUser> users) {
        this.streams = streams;
        this.staff = staff;
        this.customer = customer;
        setPadding(false);
        setSizeFull();
        addClassName("account-history");

        type.setLabel(getTranslation("sheet.history.type"));
        type.setItems(EventType.values());
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("sheet.history.all-types"));
        type.setItemLabelGenerator(t -> t == null ? getTranslation("sheet.history.all-types") : news.typeLabel(t));
        type.addValueChangeListener(e -> load());
        user.setLabel(getTranslation("sheet.history.user"));
        user.setItems(users);
        user.setItemLabelGenerator(StaffUser::name);
        user.setClearButtonVisible(true);
        user.addValueChangeListener(e -> load());
        item.setLabel(getTranslation("sheet.history.item"));
        item.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        item.setClearButtonVisible(true);
        item.setValueChangeMode(ValueChangeMode.LAZY);
        item.addValueChangeListener(e -> load());
        HorizontalLayout filters = new HorizontalLayout(type, user, item);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addColumn(e -> Money.dateTime(e.createdAt(), getLocale())).setHeader(getTranslation("sheet.history.when"))
                .setKey("when").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AccountEvent::actorName).setHeader(getTranslation("sheet.history.who")).setKey("who")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(news::what).setHeader(getTranslation("sheet.history.what")).setKey("what").setFlexGrow(3);
        grid.addColumn(news::detail).setHeader(getTranslation("sheet.history.detail")).setKey("detail").setFlexGrow(2);
        grid.setItems(new ListDataProvider<>(events));
        grid.setEmptyStateText(getTranslation("sheet.history.none"));

        add(filters, grid);
        expand(grid);
        load();
    }

    HistoryFilter filter() {
        String number = item.getValue() == null || item.getValue().isBlank() ? null : item.getValue().strip();
        return new HistoryFilter(type.getValue(), user.getValue() == null ? null : user.getValue().id(), number);
    }

    void load() {
        try {
            List<AccountEvent> list = streams.history(staff.tenantId(), customer.id(), filter(), LIMIT)
                    .collectList().block(); // allowed-blocking: Vaadin request thread
            events.clear();
            events.addAll(list);
            grid.getDataProvider().refreshAll();
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    /** A new event of the account: on top, if the filters let it through and it is not shown yet. */
    void prepend(AccountEvent event) {
        HistoryFilter f = filter();
        boolean matches = (f.type() == null || f.type() == event.type())
                && (f.actorId() == null || Objects.equals(f.actorId(), event.actorId()))
                && (f.itemNumber() == null || EventPayloads.numbers(EventPayloads.read(event)).contains(f.itemNumber()));
        if (!matches || events.stream().anyMatch(e -> e.seq() == event.seq())) {
            return;
        }
        events.addFirst(event);
        if (events.size() > LIMIT) {
            events.removeLast();
        }
        grid.getDataProvider().refreshAll();
    }

    List<AccountEvent> events() {
        return List.copyOf(events);
    }
}
