package org.opendso.realtime.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.AvatarGroup.AvatarGroupItem;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.realtime.Presence;
import org.opendso.realtime.PresenceSession;
import org.opendso.realtime.Viewer;
import org.opendso.security.Staff;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The presence bar of one browser tab, with other people (other sessions) joining the same account. */
@IntegrationTest
class PresenceBarViewIT extends ViewTestSupport {

    @Autowired
    Presence presence;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    private long customer(String account) {
        return db.sql("select id from customer where tenant_id = 1 and account = :a").bind("a", account)
                .map((r, m) -> r.get("id", Long.class)).one().block();
    }

    /** Waits for live updates queued by Reactor threads to reach the UI. */
    private void awaitUi(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            VaadinSession s = VaadinSession.getCurrent();
            s.getService().runPendingAccessTasks(s);
            roundTrip();
            return condition.call();
        });
    }

    private static List<Viewer> latest(Presence presence, long customer) {
        return presence.viewers(1, customer).next().block(Duration.ofSeconds(5));
    }

    @Test
    void othersShowAsAvatarsWithWhatTheyQualify() {
        login("collector");
        Staff colin = tenants.demo("collector");
        Staff sam = tenants.demo("sales");
        long customer = customer("DEMO-011");
        PresenceBar bar = new PresenceBar(presence, colin, 1, customer);
        List<List<Viewer>> heard = new ArrayList<>();
        bar.onViewersChanged(heard::add);
        UI.getCurrent().add(bar);
        roundTrip();

        // alone: nothing to show, yet announced to the others
        assertThat(bar.shownNames()).isEmpty();
        assertThat(bar.avatars.isVisible()).isFalse();
        assertThat(latest(presence, customer)).extracting(Viewer::name).containsExactly("Colin Collector");
        // in a browserless test the push connection never opens: the tab counts as there
        assertThat(bar.alive(UI.getCurrent())).isTrue();

        PresenceSession samTab = presence.join(sam, customer, () -> true);
        PresenceSession colinOtherTab = presence.join(colin, customer, () -> true);
        try {
            awaitUi(() -> bar.shownNames().equals(List.of("Sam Sales")));
            assertThat(bar.avatars.isVisible()).isTrue();
            assertThat(bar.avatars.getItems()).extracting(AvatarGroupItem::getColorIndex).doesNotContainNull();
            assertThat(bar.activity.isVisible()).isFalse();
            // the sheet hears every other session, the own user's other tab included, never this one
            awaitUi(() -> heard.getLast().size() == 2);
            assertThat(heard.getLast()).extracting(Viewer::session)
                    .containsExactlyInAnyOrder(samTab.id(), colinOtherTab.id());

            samTab.qualifying(List.of("INV-1", "INV-2", "INV-3"));
            awaitUi(() -> bar.activity.isVisible());
            assertThat(bar.activity.getText()).isEqualTo("Sam Sales is qualifying 3 items");
            assertThat(heard.getLast()).filteredOn(v -> v.session().equals(samTab.id())).singleElement()
                    .extracting(Viewer::qualifying).isEqualTo(List.of("INV-1", "INV-2", "INV-3"));

            UI.getCurrent().setLocale(Locale.FRENCH);
            samTab.qualifying(List.of("INV-2"));
            awaitUi(() -> bar.activity.getText().equals("Sam Sales qualifie 1 pièce"));
            UI.getCurrent().setLocale(Locale.ENGLISH);

            samTab.close();
            awaitUi(() -> bar.shownNames().isEmpty());
            assertThat(bar.avatars.isVisible()).isFalse();
            assertThat(bar.activity.isVisible()).isFalse();
        } finally {
            samTab.close();
            colinOtherTab.close();
        }
    }

    @Test
    void theBarTellsWhatItsUserQualifiesAndLeavesOnDetach() {
        login("collector");
        Staff colin = tenants.demo("collector");
        long customer = customer("DEMO-013");
        PresenceBar bar = new PresenceBar(presence, colin, 1, customer);
        bar.qualifying(List.of("INV-9")); // before attach: sent once joined
        UI.getCurrent().add(bar);
        roundTrip();
        assertThat(latest(presence, customer)).singleElement().extracting(Viewer::qualifying).isEqualTo(List.of("INV-9"));

        bar.qualifying(List.of());
        assertThat(latest(presence, customer)).singleElement().extracting(Viewer::isQualifying).isEqualTo(false);

        // the browser's pagehide goodbye, then the page back from the back-forward cache
        bar.leave();
        assertThat(latest(presence, customer)).isEmpty();
        bar.rejoin();
        assertThat(latest(presence, customer)).extracting(Viewer::name).containsExactly("Colin Collector");

        UI.getCurrent().remove(bar);
        roundTrip();
        assertThat(latest(presence, customer)).isEmpty();
        assertThat(bar.alive(UI.getCurrent())).isFalse();
    }
}
