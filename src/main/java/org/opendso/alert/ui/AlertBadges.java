package org.opendso.alert.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.opendso.alert.Alert;
import org.opendso.alert.Alerts;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Alert badges for other capabilities' screens, live: one for an account's header ({@link #account}), and a column
 * for a grid of accounts ({@link #addColumn}) whose badges are read in one query per server round trip, not one per
 * row. Views that Spring does not give this bean get it with {@link #current()}, so that showing alerts costs a
 * screen one line.
 */
@Component
public class AlertBadges {

    private static final Logger log = LoggerFactory.getLogger(AlertBadges.class);

    /** How many rendered rows a grid column remembers for live updates. */
    static final int RENDERED_ROWS = 1000;

    private final Alerts alerts;
    private final EventStreams streams;

    AlertBadges(Alerts alerts, EventStreams streams) {
        this.alerts = alerts;
        this.streams = streams;
    }

    /** The bean, from the Vaadin service of the current request. */
    public static AlertBadges current() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(AlertBadges.class);
    }

    static boolean isAlert(EventType type) {
        return type == EventType.ALERT_RAISED || type == EventType.ALERT_CLEARED;
    }

    /** The badge of one account (the current user's view of it), following the account's log while attached. */
    public AlertBadge account(long customerId) {
        Staff staff = CurrentStaff.require();
        AlertBadge badge = new AlertBadge();
        badge.addClassName("alert-badge-account");
        badge.show(alerts.openOf(staff, customerId).collectList().block()); // allowed-blocking: Vaadin request thread
        Disposable[] live = {null};
        badge.addAttachListener(e -> {
            if (live[0] != null) {
                return;
            }
            UI ui = e.getUI();
            long head = streams.head(staff.tenantId(), customerId).block(); // allowed-blocking: Vaadin request thread
            live[0] = streams.account(staff.tenantId(), customerId, head)
                    .filter(event -> isAlert(event.type()))
                    .onBackpressureLatest()
                    .concatMap(event -> alerts.openOf(staff, customerId).collectList(), 1)
                    .subscribe(open -> access(ui, () -> badge.show(open)),
                            error -> log.warn("Live alerts of account {} stopped", customerId, error));
        });
        badge.addDetachListener(e -> {
            if (live[0] != null) {
                live[0].dispose();
                live[0] = null;
            }
        });
        return badge;
    }

    /** A column of badges for a grid of accounts; {@code customerId} tells a row's account. */
    public <T> Grid.Column<T> addColumn(Grid<T> grid, ToLongFunction<T> customerId) {
        Column<T> column = new Column<>(grid, CurrentStaff.require());
        return grid.addComponentColumn(row -> column.badge(customerId.applyAsLong(row)))
                .setKey("alerts").setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    /** The badges a grid shows, read together before each response, and redrawn as alerts of their accounts change. */
    private final class Column<T> {

        private final Grid<T> grid;
        private final Staff staff;
        private final Map<Long, AlertBadge> rendered = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, AlertBadge> eldest) {
                return size() > RENDERED_ROWS;
            }
        };
        private final Map<Long, AlertBadge> pending = new HashMap<>();
        private Disposable live;

        Column(Grid<T> grid, Staff staff) {
            this.grid = grid;
            this.staff = staff;
            grid.addAttachListener(this::follow);
            grid.addDetachListener(this::stop);
            grid.getUI().ifPresent(ui -> follow(new AttachEvent(grid, true)));
        }

        AlertBadge badge(long customerId) {
            AlertBadge badge = new AlertBadge();
            rendered.put(customerId, badge);
            if (pending.isEmpty()) {
                grid.getUI().orElse(UI.getCurrent()).beforeClientResponse(grid, context -> load());
            }
            pending.put(customerId, badge);
            return badge;
        }

        /** The open alerts of every badge created since the last response, in one read. */
        private void load() {
            if (pending.isEmpty()) {
                return;
            }
            Map<Long, AlertBadge> batch = new HashMap<>(pending);
            pending.clear();
            Map<Long, List<Alert>> open = alerts.openOf(staff, batch.keySet())
                    .block(); // allowed-blocking: Vaadin request thread
            batch.forEach((id, badge) -> badge.show(open.getOrDefault(id, List.of())));
        }

        private void follow(AttachEvent event) {
            if (live != null) {
                return;
            }
            UI ui = event.getUI();
            long head = streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
            live = streams.tenant(staff.tenantId(), head, e -> isAlert(e.type()))
                    .buffer(java.time.Duration.ofMillis(200))
                    .filter(events -> !events.isEmpty())
                    .onBackpressureLatest()
                    .concatMap(events -> {
                        Set<Long> ids = new HashSet<>();
                        events.forEach(e -> ids.add(e.customerId()));
                        return alerts.openOf(staff, ids).map(open -> Map.entry(ids, open));
                    }, 1)
                    .subscribe(changed -> access(ui, () -> changed.getKey().forEach(id -> {
                                AlertBadge badge = rendered.get(id);
                                if (badge != null) {
                                    badge.show(changed.getValue().getOrDefault(id, List.of()));
                                }
                            })),
                            error -> log.warn("Live alert badges stopped", error));
        }

        private void stop(DetachEvent event) {
            if (live != null) {
                live.dispose();
                live = null;
            }
        }
    }

    private static void access(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the tab was closed; the subscription is disposed on detach
        }
    }
}
