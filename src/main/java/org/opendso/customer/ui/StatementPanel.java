package org.opendso.customer.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import org.opendso.customer.Customer;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;

/** The statement of account: the customer's items, open by default. */
class StatementPanel extends VerticalLayout {

    private final OpenItems items;
    private final Staff staff;
    private final Customer customer;

    final Select<ItemFilter> filter = new Select<>();
    final Grid<OpenItem> grid = new Grid<>(OpenItem.class, false);
    final Span summary = new Span();

    StatementPanel(OpenItems items, Staff staff, Customer customer) {
        this.items = items;
        this.staff = staff;
        this.customer = customer;
        setPadding(false);
        setSizeFull();
        addClassName("statement");

        filter.setLabel(getTranslation("statement.show"));
        filter.setItems(ItemFilter.values());
        filter.setItemLabelGenerator(f -> getTranslation("statement.filter." + f.name()));
        filter.setValue(ItemFilter.OPEN);
        filter.addValueChangeListener(e -> load());
        summary.addClassName("result-count");
        HorizontalLayout toolbar = new HorizontalLayout(filter, summary);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        LocalDate today = LocalDate.now();
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(i -> getTranslation("item.type." + i.type().name())).setHeader(getTranslation("statement.type"))
                .setKey("type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OpenItem::number).setHeader(getTranslation("statement.number")).setKey("number")
                .setAutoWidth(true).setComparator(OpenItem::number);
        grid.addColumn(i -> Money.date(i.issueDate(), getLocale())).setHeader(getTranslation("statement.issue-date"))
                .setKey("issueDate").setAutoWidth(true).setComparator(OpenItem::issueDate);
        grid.addColumn(i -> Money.date(i.dueDate(), getLocale())).setHeader(getTranslation("statement.due-date"))
                .setKey("dueDate").setAutoWidth(true).setComparator(OpenItem::dueDate);
        grid.addColumn(i -> i.daysOverdue(today) > 0 ? String.valueOf(i.daysOverdue(today)) : "")
                .setHeader(getTranslation("statement.days-overdue")).setKey("daysOverdue")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setComparator(i -> i.daysOverdue(today))
                .setPartNameGenerator(i -> i.daysOverdue(today) > 0 ? "overdue" : null);
        grid.addColumn(i -> Money.number(i.amount(), getLocale())).setHeader(getTranslation("statement.amount"))
                .setKey("amount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setComparator(OpenItem::amount);
        grid.addColumn(i -> Money.number(i.openAmount(), getLocale())).setHeader(getTranslation("statement.open-amount"))
                .setKey("openAmount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setComparator(OpenItem::openAmount);
        grid.addColumn(OpenItem::currency).setHeader(getTranslation("statement.currency")).setKey("currency")
                .setAutoWidth(true).setFlexGrow(0);
        // filled by the qualification feature (next issue)
        grid.addColumn(i -> "").setHeader(getTranslation("statement.status")).setKey("status").setFlexGrow(1);
        grid.setEmptyStateText(getTranslation("statement.none"));

        add(toolbar, grid);
        expand(grid);
        load();
    }

    void load() {
        try {
            List<OpenItem> list = items.ofCustomer(staff.tenantId(), customer.id(), filter.getValue())
                    .collectList().block(); // allowed-blocking: Vaadin request thread
            grid.setItems(list);
            var total = list.stream().map(OpenItem::openAmount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            summary.setText(getTranslation("statement.summary", list.size(),
                    Money.format(total, customer.currency(), getLocale())));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }
}
