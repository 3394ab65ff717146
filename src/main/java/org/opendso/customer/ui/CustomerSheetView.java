package org.opendso.customer.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.opendso.action.SpecificActions;
import org.opendso.alert.ui.AlertBadges;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.importer.ImportRuns;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.penalty.Penalties;
import org.opendso.penalty.Penalty;
import org.opendso.penalty.PenaltyTerms;
import org.opendso.qualification.ui.CommentDialog;
import org.opendso.qualification.ui.QualificationDialog;
import org.opendso.qualification.ui.QualificationDialogs;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.Presence;
import org.opendso.realtime.Viewer;
import org.opendso.realtime.ui.PresenceBar;
import org.opendso.scenario.Scenarios;
import org.opendso.scenario.ui.AccountScenarioPanel;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.Statuses;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One customer account: header figures, the statement of account (where items are qualified), contacts,
 * assigned staff, specific actions, the history and the imports that touched it. The sheet follows the account's
 * event log while it is shown, so what anyone (or an import) does on the account appears here at once. An account
 * that does not exist, or that the staff member may not see, gets a friendly page.
 */
@Route("customers/:account")
@PermitAll
public class CustomerSheetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(CustomerSheetView.class);

    private final Customers customers;
    private final Contacts contacts;
    private final OpenItems items;
    private final Users users;
    private final ImportRuns importRuns;
    private final Statuses statuses;
    private final EventStreams streams;
    private final SpecificActions actions;
    private final Presence presence;
    private final QualificationDialogs dialogs;
    private final Penalties penalties;
    private final Scenarios scenarios;
    private final Staff staff;

    private Customer customer;
    /** The account's last event seq when the sheet read it: the live feed starts right after it. */
    private long seenSeq;
    private Disposable.Composite live;
    private final AccountNews news = new AccountNews(this);

    final List<Figure> figures = new ArrayList<>();
    private final Div cards = new Div();
    private PenaltyTerms penaltyTerms;
    private Penalty accountPenalty;
    private Figure penaltyFigure;
    StatementPanel statement;
    ContactsPanel contactsPanel;
    AssigneesPanel assigneesPanel;
    SpecificActionsPanel actionsPanel;
    HistoryPanel history;
    PresenceBar presenceBar;
    AccountScenarioPanel scenarioPanel;
    TabSheet tabs;
    private final ObjectProvider<SheetTab> extraTabs;
    QualificationDialog qualificationDialog;
    CommentDialog commentDialog;

    CustomerSheetView(Customers customers, Contacts contacts, OpenItems items, Users users, ImportRuns importRuns,
                      Statuses statuses, EventStreams streams, SpecificActions actions, Presence presence,
                      QualificationDialogs dialogs, Penalties penalties, Scenarios scenarios,
                      ObjectProvider<SheetTab> extraTabs) {
        this.extraTabs = extraTabs;
        this.customers = customers;
        this.contacts = contacts;
        this.items = items;
        this.users = users;
        this.importRuns = importRuns;
        this.statuses = statuses;
        this.streams = streams;
        this.actions = actions;
        this.presence = presence;
        this.dialogs = dialogs;
        this.penalties = penalties;
        this.scenarios = scenarios;
        this.staff = CurrentStaff.require();
        addClassName("customer-sheet");
        setSizeFull();
        cards.addClassName("figures");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String account = event.getRouteParameters().get("account").orElse("");
        unsubscribe();
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
            subscribe();
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
        // the log's head first, then the account: an event committed while the sheet loads is replayed, not lost
        seenSeq = streams.head(staff.tenantId(), customer.id()).block(); // allowed-blocking: Vaadin request thread
        customer = Objects.requireNonNullElse(customers.find(staff, customer.id())
                .block(), customer); // allowed-blocking: Vaadin request thread
        List<ItemStatus> statusList = statuses.all(staff.tenantId()).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        List<StaffUser> colleagues = users.of(staff).collectList().block(); // allowed-blocking: Vaadin request thread
        penaltyTerms = penalties.terms(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        accountPenalty = penalties.ofAccount(staff.tenantId(), customer.id(), LocalDate.now())
                .block(); // allowed-blocking: Vaadin request thread

        Button back = new Button(new Icon(VaadinIcon.ARROW_LEFT), e -> getUI().ifPresent(ui -> ui.navigate(CustomerListView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        back.setAriaLabel(getTranslation("sheet.back"));
        back.setTooltipText(getTranslation("sheet.back"));

        H2 name = new H2(customer.name());
        name.addClassName("sheet-name");
        Tag account = new Tag(customer.account(), "primary");
        presenceBar = new PresenceBar(presence, staff, staff.tenantId(), customer.id());
        HorizontalLayout titleRow = new HorizontalLayout(back, name, account, presenceBar);
        titleRow.addComponentAtIndex(3, AlertBadges.current().account(customer.id()));
        titleRow.setAlignItems(FlexComponent.Alignment.CENTER);
        titleRow.setWidthFull();
        titleRow.expand(account);

        Div details = new Div();
        details.addClassName("sheet-details");
        String place = String.join(" ", nz(customer.postalCode()), nz(customer.city())).strip();
        addDetail(details, VaadinIcon.MAP_MARKER, String.join(", ",
                List.of(nz(customer.address()), place, nz(customer.country())).stream().filter(s -> !s.isBlank()).toList()));
        addDetail(details, VaadinIcon.ENVELOPE_O, customer.email());
        addDetail(details, VaadinIcon.PHONE, customer.phone());

        showFigures(customer.balance(), customer.overdue(), customer.openItems(), customer.oldestOverdue());

        statement = new StatementPanel(items, staff, customer, statusList, penaltyTerms);
        statement.changeStatus.addClickListener(e -> openQualification());
        statement.comment.addClickListener(e -> openComment());
        contactsPanel = new ContactsPanel(contacts, staff, customer);
        assigneesPanel = new AssigneesPanel(customers, users, staff, customer);
        actionsPanel = new SpecificActionsPanel(actions, staff, customer);
        history = new HistoryPanel(streams, staff, customer, colleagues);
        presenceBar.onViewersChanged(this::viewersChanged);

        tabs = new TabSheet();
        tabs.addClassName("sheet-tabs");
        tabs.add(getTranslation("sheet.tab.statement"), statement);
        tabs.add(getTranslation("sheet.tab.contacts"), contactsPanel);
        tabs.add(getTranslation("sheet.tab.actions"), actionsPanel);
        tabs.add(getTranslation("sheet.tab.history"), history);
        tabs.add(getTranslation("sheet.tab.assignees"), assigneesPanel);
        tabs.add(getTranslation("sheet.tab.imports"), new ImportHistoryPanel(importRuns, staff, customer));
        extraTabs.orderedStream().sorted(Comparator.comparingInt(SheetTab::order))
                .forEach(tab -> tabs.add(getTranslation(tab.labelKey()), tab.create(staff, customer)));
        tabs.setSizeFull();

        scenarioPanel = new AccountScenarioPanel(scenarios, staff, customer.id(), customer.account());
        add(titleRow, details, scenarioPanel, cards, tabs);
        expand(tabs);
    }

    /** The four headline figures; redrawn when an import changes them. */
    void showFigures(BigDecimal balance, BigDecimal overdue, int openItems, LocalDate oldestOverdue) {
        LocalDate today = LocalDate.now();
        long oldestDays = oldestOverdue == null ? 0 : ChronoUnit.DAYS.between(oldestOverdue, today);
        figures.clear();
        cards.removeAll();
        figures.add(new Figure(getTranslation("sheet.balance"),
                Money.format(balance, customer.currency(), getLocale())).tone("primary"));
        figures.add(new Figure(getTranslation("sheet.overdue"),
                Money.format(overdue, customer.currency(), getLocale()))
                .tone(overdue.signum() > 0 ? "error" : "success"));
        figures.add(new Figure(getTranslation("sheet.open-items"), String.valueOf(openItems)));
        figures.add(new Figure(getTranslation("sheet.oldest-overdue"), oldestOverdue == null
                ? getTranslation("sheet.none-overdue")
                : getTranslation("sheet.days", oldestDays))
                .tone(oldestDays > 60 ? "warning" : "neutral"));
        figures.forEach(cards::add);
        penaltyFigure = null;
        showPenalty();
    }

    /** The fifth figure, penalties and recovery indemnities of the open items, when the company charges them. */
    void showPenalty() {
        if (penaltyFigure != null) {
            figures.remove(penaltyFigure);
            cards.remove(penaltyFigure);
            penaltyFigure = null;
        }
        if (penaltyTerms == null || !penaltyTerms.enabled() || accountPenalty == null) {
            return;
        }
        penaltyFigure = new Figure(getTranslation("sheet.penalties"), getTranslation("sheet.penalties.value",
                Money.format(accountPenalty.penalty(), customer.currency(), getLocale()),
                Money.format(accountPenalty.indemnity(), customer.currency(), getLocale())))
                .tone(accountPenalty.isNone() ? "neutral" : "warning");
        penaltyFigure.addClassName("figure-penalties");
        figures.add(penaltyFigure);
        cards.add(penaltyFigure);
    }

    // --- qualification, comments ---------------------------------------------------------------------------

    void openQualification() {
        List<OpenItem> selected = statement.selectedItems();
        if (selected.isEmpty()) {
            return;
        }
        try {
            qualificationDialog = dialogs.qualify(staff, customer, selected, result -> {
                statement.update(result.items(), false);
                statement.grid.deselectAll();
                if (result.action() != null) {
                    actionsPanel.load();
                }
            }, current -> statement.update(current, true));
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return;
        }
        presenceBar.qualifying(selected.stream().map(OpenItem::number).toList());
        qualificationDialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                presenceBar.qualifying(List.of());
            }
        });
    }

    void openComment() {
        commentDialog = dialogs.comment(staff, customer, statement.selectedItems(),
                event -> statement.update(EventPayloads.items(EventPayloads.read(event)), false));
    }

    /** Marks the rows others are qualifying: "Anna is qualifying". */
    private void viewersChanged(List<Viewer> viewers) {
        Map<String, String> byNumber = new HashMap<>();
        for (Viewer viewer : viewers) {
            viewer.qualifying().forEach(number -> byNumber.putIfAbsent(number, viewer.name()));
        }
        if (statement != null) {
            statement.markQualifying(byNumber);
        }
    }

    // --- live updates --------------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        subscribe();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe();
        super.onDetach(detachEvent);
    }

    /** Follows the account's log from what the sheet has shown; on attach, and when the route shows another account. */
    private void subscribe() {
        UI ui = getUI().orElse(null);
        if (ui == null || customer == null || live != null) {
            return;
        }
        long customerId = customer.id();
        live = Disposables.composite();
        live.add(streams.account(staff.tenantId(), customerId, seenSeq).subscribe(
                event -> access(ui, () -> {
                    if (customer != null && customer.id() == event.customerId()) {
                        apply(event);
                    }
                }),
                error -> log.warn("Live updates of account {} stopped", customerId, error)));
    }

    private void unsubscribe() {
        if (live != null) {
            live.dispose();
            live = null;
        }
    }

    /** One event of the account, on the UI thread. Rows change from the payload; other parts are read again. */
    void apply(AccountEvent event) {
        if (event.seq() <= seenSeq) {
            return;
        }
        seenSeq = event.seq();
        boolean bySomeoneElse = !Objects.equals(event.actorId(), staff.userId());
        JsonNode payload = EventPayloads.read(event);
        switch (event.type()) {
            case ITEMS_QUALIFIED, COMMENT_ADDED -> {
                List<EventPayloads.ItemState> states = EventPayloads.items(payload);
                statement.update(states, bySomeoneElse);
                // then the same rows as committed: in full test runs a row was seen keeping the new status without
                // its date and comment (cause not found yet); a read of these few items puts the rows right
                later(items.byKeys(staff.tenantId(), customer.id(), states.stream().map(EventPayloads.ItemState::key)
                        .toList()).collectList(), fresh -> statement.update(fresh, false));
            }
            case ITEMS_IMPORTED -> {
                EventPayloads.Figures f = EventPayloads.figures(payload);
                if (f != null) {
                    showFigures(f.balance(), f.overdue(), f.openItems(), f.oldestOverdue());
                } else {
                    later(customers.find(staff, customer.id()),
                            c -> showFigures(c.balance(), c.overdue(), c.openItems(), c.oldestOverdue()));
                }
                later(statement.reload(), Runnable::run);
                later(scenarioPanel.read(), scenarioPanel::show); // the timeline counts from the oldest due date
                later(penalties.ofAccount(staff.tenantId(), customer.id(), LocalDate.now()), p -> {
                    accountPenalty = p;
                    showPenalty();
                });
            }
            case SCENARIO_ASSIGNED -> later(scenarioPanel.read(), scenarioPanel::show);
            case ACTION_CREATED, ACTION_COMPLETED, ACTION_CANCELLED, ACTION_REASSIGNED, ACTION_RESCHEDULED ->
                    later(actionsPanel.reload(), Runnable::run);
            case CONTACT_CHANGED -> later(contacts.of(staff, customer.id()).collectList(), contactsPanel::show);
            case STATUS_REPLACED -> later(statuses.all(staff.tenantId()).collectList(), list -> {
                statement.statusesChanged(list);
                later(statement.reload(), Runnable::run);
            });
            default -> {
                // mails and alerts only go to the history
            }
        }
        history.prepend(event);
        if (bySomeoneElse) {
            Notification n = Notification.show(news.news(event), 4000, Notification.Position.BOTTOM_END);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            n.addClassName("account-news");
        }
    }

    /**
     * Reads without blocking (events arrive on a Reactor thread), then shows the result on the UI thread. Not
     * tracked: the read is short, and once the sheet is detached the UI refuses the update.
     */
    private <T> void later(Mono<T> read, Consumer<T> show) {
        UI ui = getUI().orElse(null);
        if (ui == null || live == null) {
            return;
        }
        String account = customer.account();
        read.subscribe(value -> access(ui, () -> show.accept(value)),
                error -> log.warn("Could not refresh the sheet of account {}", account, error));
    }

    private static void access(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the tab was closed; the subscription is disposed on detach
        }
    }

    // --- the rest ------------------------------------------------------------------------------------------

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
