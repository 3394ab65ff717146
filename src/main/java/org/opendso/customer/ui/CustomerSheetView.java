package org.opendso.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.importer.ImportRuns;
import org.opendso.item.OpenItems;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.opendso.user.Users;

/**
 * One customer account: header figures, the statement of account, contacts, assigned staff and the imports
 * that touched it. An account that does not exist, or that the staff member may not see, gets a friendly page.
 */
@Route("customers/:account")
@PermitAll
public class CustomerSheetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Customers customers;
    private final Contacts contacts;
    private final OpenItems items;
    private final Users users;
    private final ImportRuns importRuns;
    private final Staff staff;

    private Customer customer;
    final List<Figure> figures = new ArrayList<>();
    StatementPanel statement;
    ContactsPanel contactsPanel;
    AssigneesPanel assigneesPanel;
    TabSheet tabs;

    CustomerSheetView(Customers customers, Contacts contacts, OpenItems items, Users users, ImportRuns importRuns) {
        this.customers = customers;
        this.contacts = contacts;
        this.items = items;
        this.users = users;
        this.importRuns = importRuns;
        this.staff = CurrentStaff.require();
        addClassName("customer-sheet");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String account = event.getRouteParameters().get("account").orElse("");
        removeAll();
        figures.clear();
        try {
            customer = customers.find(staff, account).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            customer = null;
            Toasts.failure(e);
        }
        if (customer == null) {
            showNotFound(account);
        } else {
            showSheet();
        }
    }

    private void showNotFound(String account) {
        addClassName("not-found");
        Icon icon = new Icon(VaadinIcon.SEARCH_MINUS);
        icon.addClassName("not-found-icon");
        H2 title = new H2(getTranslation("sheet.not-found.title"));
        Paragraph text = new Paragraph(getTranslation("sheet.not-found.text", account));
        Button back = new Button(getTranslation("sheet.back"), new Icon(VaadinIcon.ARROW_LEFT),
                e -> getUI().ifPresent(ui -> ui.navigate(CustomerListView.class)));
        back.addThemeVariants(ButtonVariant.PRIMARY);
        VerticalLayout box = new VerticalLayout(icon, title, text, back);
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        box.addClassName("not-found-box");
        add(box);
        setAlignItems(FlexComponent.Alignment.CENTER);
    }

    private void showSheet() {
        removeClassName("not-found");
        setAlignItems(FlexComponent.Alignment.STRETCH);
        Button back = new Button(new Icon(VaadinIcon.ARROW_LEFT), e -> getUI().ifPresent(ui -> ui.navigate(CustomerListView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        back.setAriaLabel(getTranslation("sheet.back"));
        back.setTooltipText(getTranslation("sheet.back"));

        H2 name = new H2(customer.name());
        name.addClassName("sheet-name");
        Tag account = new Tag(customer.account(), "primary");
        HorizontalLayout titleRow = new HorizontalLayout(back, name, account);
        titleRow.setAlignItems(FlexComponent.Alignment.CENTER);

        Div details = new Div();
        details.addClassName("sheet-details");
        String place = String.join(" ", nz(customer.postalCode()), nz(customer.city())).strip();
        addDetail(details, VaadinIcon.MAP_MARKER, String.join(", ",
                List.of(nz(customer.address()), place, nz(customer.country())).stream().filter(s -> !s.isBlank()).toList()));
        addDetail(details, VaadinIcon.ENVELOPE_O, customer.email());
        addDetail(details, VaadinIcon.PHONE, customer.phone());

        LocalDate today = LocalDate.now();
        Div cards = new Div();
        cards.addClassName("figures");
        figures.add(new Figure(getTranslation("sheet.balance"),
                Money.format(customer.balance(), customer.currency(), getLocale())).tone("primary"));
        figures.add(new Figure(getTranslation("sheet.overdue"),
                Money.format(customer.overdue(), customer.currency(), getLocale()))
                .tone(customer.overdue().signum() > 0 ? "error" : "success"));
        figures.add(new Figure(getTranslation("sheet.open-items"), String.valueOf(customer.openItems())));
        figures.add(new Figure(getTranslation("sheet.oldest-overdue"), customer.oldestOverdue() == null
                ? getTranslation("sheet.none-overdue")
                : getTranslation("sheet.days", customer.oldestOverdueDays(today)))
                .tone(customer.oldestOverdueDays(today) > 60 ? "warning" : "neutral"));
        figures.forEach(cards::add);

        statement = new StatementPanel(items, staff, customer);
        contactsPanel = new ContactsPanel(contacts, staff, customer);
        assigneesPanel = new AssigneesPanel(customers, users, staff, customer);
        tabs = new TabSheet();
        tabs.addClassName("sheet-tabs");
        tabs.add(getTranslation("sheet.tab.statement"), statement);
        tabs.add(getTranslation("sheet.tab.contacts"), contactsPanel);
        tabs.add(getTranslation("sheet.tab.assignees"), assigneesPanel);
        tabs.add(getTranslation("sheet.tab.imports"), new ImportHistoryPanel(importRuns, staff, customer));
        tabs.setSizeFull();

        add(titleRow, details, cards, tabs);
        expand(tabs);
    }

    private static void addDetail(Div details, VaadinIcon icon, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Span item = new Span(new Icon(icon), new Span(text));
        item.addClassName("sheet-detail");
        details.add(item);
    }

    Customer customer() {
        return customer;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return customer == null ? getTranslation("sheet.not-found.title") : customer.name() + " · " + customer.account();
    }
}
