package org.opendso.notification.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Duration;
import java.util.List;
import org.opendso.notification.NotificationTexts;
import org.opendso.notification.Notifications;
import org.opendso.notification.UserNotification;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The user's own notifications, newest first (unread only, or all), each with its time, kind, text and a link to
 * the action or the sheet; opening one marks it read, and "mark all read" does them all. Follows the company's
 * events that may notify someone.
 */
public class UserNotificationsPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(UserNotificationsPanel.class);
    static final int LIMIT = 200;

    private final Notifications notifications;
    private final NotificationTexts texts;
    private final EventStreams streams;
    private final Staff staff;
    final Checkbox unreadOnly = new Checkbox();
    final Button markAll = new Button();
    final Button settings = new Button();
    final Span count = new Span();
    final Grid<UserNotification> grid = new Grid<>(UserNotification.class, false);
    private Disposable live;

    public UserNotificationsPanel(Notifications notifications, NotificationTexts texts, EventStreams streams, Staff staff) {
        this.notifications = notifications;
        this.texts = texts;
        this.streams = streams;
        this.staff = staff;
        addClassName("user-notifications");
        setPadding(false);
        setSizeFull();
        unreadOnly.setLabel(getTranslation("notifications.unread-only"));
        unreadOnly.addValueChangeListener(e -> refresh());
        markAll.setText(getTranslation("notifications.mark-all-read"));
        markAll.addThemeVariants(ButtonVariant.LUMO_SMALL);
        markAll.addClickListener(e -> markAllRead());
        settings.setText(getTranslation("notifications.settings.open"));
        settings.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        settings.addClickListener(e -> new NotificationSettingsDialog(notifications, staff).open());
        count.addClassName("result-count");
        HorizontalLayout toolbar = new HorizontalLayout(unreadOnly, markAll, settings, count);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.addColumn(n -> Money.dateTime(n.createdAt(), getLocale())).setHeader(getTranslation("notifications.col.at"))
                .setKey("at").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(n -> new Tag(texts.kind(n.kind(), getLocale()), n.unread() ? "primary" : "neutral"))
                .setHeader(getTranslation("notifications.col.kind")).setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> texts.text(n, getLocale())).setHeader(getTranslation("notifications.col.text"))
                .setKey("text").setFlexGrow(4);
        grid.addColumn(texts::detail).setHeader(getTranslation("notifications.col.detail")).setKey("detail").setFlexGrow(2);
        grid.addComponentColumn(n -> {
            Anchor open = new Anchor(NotificationTexts.route(n), getTranslation(n.actionId() != null
                    ? "notifications.open-action" : "notifications.open-sheet"));
            open.getElement().addEventListener("click", e -> markRead(n));
            return open;
        }).setKey("open").setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(n -> n.unread() ? "unread" : null);
        grid.setEmptyStateText(getTranslation("notifications.none"));
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(shown());
        long unread = notifications.count(staff, true).block(); // allowed-blocking: Vaadin request thread
        count.setText(getTranslation("notifications.count", unread));
    }

    List<UserNotification> shown() {
        return notifications.list(staff, unreadOnly.getValue(), 0, LIMIT).collectList()
                .block(); // allowed-blocking: Vaadin request thread
    }

    void markRead(UserNotification n) {
        notifications.markRead(staff, n.id()).block(); // allowed-blocking: Vaadin request thread
        refresh();
        tellBell();
    }

    void markAllRead() {
        notifications.markAllRead(staff).block(); // allowed-blocking: Vaadin request thread
        refresh();
        tellBell();
    }

    private void tellBell() {
        getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new NotificationsRead(ui)));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (live != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long head = streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        live = streams.tenant(staff.tenantId(), head, e -> e.type() == EventType.ITEMS_QUALIFIED
                        || e.type() == EventType.ACTION_CREATED || e.type() == EventType.ACTION_REASSIGNED)
                .buffer(Duration.ofMillis(200))
                .filter(events -> !events.isEmpty())
                .onBackpressureLatest()
                .subscribe(events -> {
                    try {
                        ui.access(this::refresh);
                    } catch (UIDetachedException gone) {
                        // closed; disposed on detach
                    }
                }, error -> log.warn("Live user notifications stopped", error));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(detachEvent);
    }
}
