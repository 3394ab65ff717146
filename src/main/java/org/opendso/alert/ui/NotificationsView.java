package org.opendso.alert.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.opendso.alert.Alert;
import org.opendso.alert.AlertQuery;
import org.opendso.alert.AlertRule;
import org.opendso.alert.AlertState;
import org.opendso.alert.Alerts;
import com.vaadin.flow.component.tabs.TabSheet;
import org.opendso.notification.NotificationTexts;
import org.opendso.notification.Notifications;
import org.opendso.notification.ui.UserNotificationsPanel;
import org.opendso.realtime.EventStreams;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * A user's notifications: the alerts of the accounts they see, newest first, open or cleared, each with its account,
 * rule, reason and time; an open one is acknowledged (a failed mail seen to) or dismissed here. The list follows the
 * company's alerts live.
 */
@Route("notifications")
@Menu(title = "menu.notifications", order = 6, icon = "vaadin:bell")
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(NotificationsView.class);

    private final Alerts alerts;
    private final EventStreams streams;
    private final Staff staff;
    private final AlertTexts texts = new AlertTexts(this);

    final RadioButtonGroup<AlertState> state = new RadioButtonGroup<>();
    final Grid<Alert> grid = new Grid<>(Alert.class, false);
    final Span count = new Span();
    private long total;
    private Disposable live;

    /** The user's own notifications (disputes, actions given to them), in the first tab. */
    final UserNotificationsPanel mine;
    final TabSheet tabs = new TabSheet();

    NotificationsView(Alerts alerts, EventStreams streams, Notifications notifications, NotificationTexts words) {
        this.alerts = alerts;
        this.streams = streams;
        this.staff = CurrentStaff.require();
        addClassName("notifications-view");
        setSizeFull();

        state.setItems(AlertState.OPEN, AlertState.CLEARED, AlertState.ALL);
        state.setItemLabelGenerator(s -> getTranslation("alerts.filter." + s.name()));
        state.setValue(AlertState.OPEN);
        state.addValueChangeListener(e -> refresh());
        count.addClassName("result-count");
        HorizontalLayout toolbar = new HorizontalLayout(state, count);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(a -> Money.dateTime(a.raisedAt(), getLocale())).setHeader(getTranslation("alerts.col.raised"))
                .setKey("raised").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(a -> new Anchor(sheet(a.account()), a.account() + " · " + a.customerName()))
                .setHeader(getTranslation("alerts.col.account")).setKey("account").setFlexGrow(2);
        grid.addComponentColumn(a -> new Tag(texts.rule(a.rule()), a.open() ? "error" : "neutral"))
                .setHeader(getTranslation("alerts.col.rule")).setKey("rule").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(texts::reason).setHeader(getTranslation("alerts.col.details")).setKey("details").setFlexGrow(4);
        grid.addColumn(this::stateText).setHeader(getTranslation("alerts.col.state")).setKey("state").setFlexGrow(1);
        grid.addComponentColumn(this::acknowledgeButton).setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("alerts.none"));
        grid.setItems(new CallbackDataProvider<>(
                q -> alerts.list(staff, new AlertQuery(state.getValue(), null, q.getOffset() / Math.max(q.getLimit(), 1),
                                q.getLimit()))
                        .collectList().block() // allowed-blocking: Vaadin request thread
                        .stream(),
                q -> (int) Math.min(total, Integer.MAX_VALUE), Alert::id));

        mine = new UserNotificationsPanel(notifications, words, streams, staff);
        VerticalLayout alertsTab = new VerticalLayout(toolbar, grid);
        alertsTab.setPadding(false);
        alertsTab.setSizeFull();
        alertsTab.expand(grid);
        tabs.add(getTranslation("notifications.tab.mine"), mine);
        var alertsTabHandle = tabs.add(getTranslation("notifications.tab.alerts"), alertsTab);
        tabs.setSizeFull();
        // the alerts first, unless the user is a sales manager (their disputes) or has notifications to read
        if (staff.role() != org.opendso.security.Role.SALES_MANAGER
                && notifications.count(staff, true).block() == 0) { // allowed-blocking: Vaadin request thread
            tabs.setSelectedTab(alertsTabHandle);
        }
        add(tabs);
        expand(tabs);
        refresh();
    }

    /** The customer sheet's address (by route, not by class: the customer views show this package's badges). */
    static String sheet(String account) {
        return "customers/" + java.net.URLEncoder.encode(account, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String stateText(Alert a) {
        if (a.open()) {
            return getTranslation("alerts.state.open");
        }
        String reason = a.clearedReason() == null ? "RESOLVED" : a.clearedReason();
        return getTranslation("alerts.state." + reason, Money.dateTime(a.clearedAt(), getLocale()),
                a.clearedBy() == null ? "" : a.clearedBy());
    }

    private Span acknowledgeButton(Alert a) {
        Span cell = new Span();
        if (a.open()) {
            Button b = new Button(getTranslation(a.rule() == AlertRule.MAIL_FAILED ? "alerts.acknowledge" : "alerts.dismiss"),
                    e -> acknowledge(a));
            b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            b.addClassName("acknowledge");
            cell.add(b);
        }
        return cell;
    }

    void acknowledge(Alert a) {
        try {
            alerts.acknowledge(staff, a.id()).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("alerts.acknowledged"));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        refresh();
    }

    /** Counts once, then the grid fetches the pages it shows. */
    void refresh() {
        AlertQuery query = new AlertQuery(state.getValue(), null, 0, 1);
        total = alerts.count(staff, query).block(); // allowed-blocking: Vaadin request thread
        count.setText(getTranslation(total == 1 ? "alerts.count.one" : "alerts.count", total));
        grid.getDataProvider().refreshAll();
    }

    long total() {
        return total;
    }

    List<Alert> shown() {
        return alerts.list(staff, new AlertQuery(state.getValue(), null, 0, 500)).collectList()
                .block(); // allowed-blocking: Vaadin request thread
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (live != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long head = streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        live = streams.tenant(staff.tenantId(), head, e -> AlertBadges.isAlert(e.type()))
                .buffer(java.time.Duration.ofMillis(200))
                .filter(events -> !events.isEmpty())
                .onBackpressureLatest()
                .subscribe(events -> {
                    try {
                        ui.access(this::refresh);
                    } catch (UIDetachedException gone) {
                        // the tab was closed; disposed on detach
                    }
                }, error -> log.warn("Live notifications stopped", error));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.title");
    }
}
