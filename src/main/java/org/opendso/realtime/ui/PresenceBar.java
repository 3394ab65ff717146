package org.opendso.realtime.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupI18n;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import com.vaadin.flow.component.avatar.AvatarGroupVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.AllowInert;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.communication.PushConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.opendso.realtime.Presence;
import org.opendso.realtime.PresenceSession;
import org.opendso.realtime.Viewer;
import org.opendso.security.Staff;
import reactor.core.Disposable;

/**
 * The avatars of the other people viewing an account, and what they are doing ("Anna is qualifying 3 items").
 * Joins the account's presence on attach and leaves on detach, or earlier when the browser says the page goes
 * away. The own user is not shown, not even their other tabs (they know they are there); listeners of
 * {@link #onViewersChanged} do get those other tabs, so a sheet can mark the rows being qualified elsewhere.
 */
public class PresenceBar extends HorizontalLayout {

    private final Presence presence;
    private final Staff staff;
    private final long tenantId;
    private final long customerId;
    final AvatarGroup avatars = new AvatarGroup();
    final Span activity = new Span();
    private final List<Consumer<List<Viewer>>> listeners = new ArrayList<>();
    private List<String> qualifying = List.of();
    private List<Viewer> others = List.of();
    private PresenceSession session;
    private Disposable subscription;
    /** Whether this UI's push channel has been open once; see {@link #alive(UI)}. */
    private volatile boolean pushSeenConnected;

    public PresenceBar(Presence presence, Staff staff, long tenantId, long customerId) {
        this.presence = presence;
        this.staff = staff;
        this.tenantId = tenantId;
        this.customerId = customerId;
        addClassName("presence-bar");
        setSpacing(false);
        setAlignItems(FlexComponent.Alignment.CENTER);
        avatars.addClassName("presence-avatars");
        avatars.addThemeVariants(AvatarGroupVariant.LUMO_SMALL);
        avatars.setMaxItemsVisible(5);
        activity.addClassName("presence-activity");
        add(avatars, activity);
        render(List.of());
    }

    /** Called on the UI thread with the other viewers each time they change. */
    public void onViewersChanged(Consumer<List<Viewer>> listener) {
        listeners.add(listener);
        listener.accept(others);
    }

    /** Tells the others which items this user is qualifying; an empty list when the dialog closes. */
    public void qualifying(List<String> itemNumbers) {
        qualifying = List.copyOf(itemNumbers);
        if (session != null) {
            session.qualifying(qualifying);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        getElement().setAttribute("aria-label", getTranslation("presence.label"));
        avatars.setI18n(new AvatarGroupI18n()
                .setAnonymous(getTranslation("presence.avatars.anonymous"))
                .setOneActiveUser(getTranslation("presence.avatars.one"))
                .setManyActiveUsers(getTranslation("presence.avatars.many")));
        join(ui);
        subscription = presence.viewers(tenantId, customerId).subscribe(viewers -> {
            try {
                ui.access(() -> render(viewers));
            } catch (UIDetachedException gone) {
                // the view is leaving; its detach disposes this subscription
            }
        });
        // Closing the tab detaches the UI only minutes later (Vaadin's heartbeat), and the push check below needs
        // up to a heartbeat + expiry: say goodbye at once when the browser lets us. bfcache may bring the page back.
        getElement().executeJs("""
                const bar = this;
                if (bar.__presence) { return; }
                const off = () => { window.removeEventListener('pagehide', bar.__presence.hide);
                                    window.removeEventListener('pageshow', bar.__presence.show); };
                bar.__presence = {
                  hide: () => { if (!bar.isConnected) { off(); } else if (bar.$server) { bar.$server.leave(); } },
                  show: e => { if (!bar.isConnected) { off(); } else if (e.persisted && bar.$server) { bar.$server.rejoin(); } }
                };
                window.addEventListener('pagehide', bar.__presence.hide);
                window.addEventListener('pageshow', bar.__presence.show);
                """);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.dispose();
            subscription = null;
        }
        leave();
        super.onDetach(event);
    }

    private void join(UI ui) {
        if (session == null) {
            session = presence.join(staff, customerId, () -> alive(ui));
            if (!qualifying.isEmpty()) {
                session.qualifying(qualifying);
            }
        }
    }

    /** The page is going away (tab closed, navigation to another site, put in the back-forward cache). */
    @ClientCallable
    @AllowInert // the qualification dialog is modal: the bar behind it must still be able to say goodbye
    void leave() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The page came back from the back-forward cache. */
    @ClientCallable
    @AllowInert
    void rejoin() {
        getUI().ifPresent(this::join);
    }

    /**
     * Whether the tab is still there, asked by the heartbeat from a timer thread (racy reads of UI state are fine
     * for a once-every-few-seconds answer).
     * <p>
     * What Vaadin 25.2.5 does (flow-server, read in AtmospherePushConnection and PushHandler): with {@code @Push}
     * the UI gets its {@code AtmospherePushConnection} when push is enabled at UI init, in state DISCONNECTED
     * until the browser opens the push channel. {@code isConnected()} is false both before that first connect
     * and after the channel is lost ({@code PushHandler.connectionLost} on tab close or network loss); the UI
     * itself stays attached until Vaadin's heartbeat cleanup, minutes later. So a disconnected push connection
     * means "gone" only once it has been connected; long-polling gaps or a reconnecting websocket cost at most a
     * skipped heartbeat, since {@link Presence} only pauses a session that is not alive. Browserless tests have a
     * connection object that never connects (or none at all): alive.
     */
    boolean alive(UI ui) {
        if (!isAttached() || ui.isClosing()) {
            return false;
        }
        PushConnection push = ui.getInternals().getPushConnection();
        if (push == null) {
            return true;
        }
        if (push.isConnected()) {
            pushSeenConnected = true;
            return true;
        }
        return !pushSeenConnected;
    }

    private void render(List<Viewer> viewers) {
        String own = session == null ? null : session.id();
        others = viewers.stream().filter(v -> !v.session().equals(own)).toList();
        Map<Long, Viewer> users = new LinkedHashMap<>();
        for (Viewer viewer : others) {
            if (viewer.userId() != staff.userId()) {
                // one avatar per person; if they qualify in one of their tabs, that is the one to tell about
                users.merge(viewer.userId(), viewer, (a, b) -> a.isQualifying() ? a : b);
            }
        }
        avatars.setItems(users.values().stream().map(PresenceBar::avatar).toList());
        avatars.setVisible(!users.isEmpty());
        String doing = String.join(" · ", users.values().stream()
                .filter(Viewer::isQualifying)
                .map(v -> v.qualifying().size() == 1
                        ? getTranslation("presence.qualifying.one", v.name())
                        : getTranslation("presence.qualifying.many", v.name(), v.qualifying().size()))
                .toList());
        activity.setText(doing);
        activity.setVisible(!doing.isEmpty());
        // the bar itself stays visible: Vaadin ignores calls from the browser to an invisible component
        listeners.forEach(listener -> listener.accept(others));
    }

    private static AvatarGroupItem avatar(Viewer viewer) {
        AvatarGroupItem item = new AvatarGroupItem(viewer.name());
        // the same colour for the same person on every screen
        item.setColorIndex((int) Math.floorMod(viewer.userId(), 7L));
        return item;
    }

    /** The other people shown, for tests and for the sheet. */
    List<String> shownNames() {
        return avatars.getItems().stream().map(AvatarGroupItem::getName).toList();
    }
}
