package org.opendso.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.realtime.PresenceTesting.Viewers.demoCustomer;
import static org.opendso.realtime.PresenceTesting.Viewers.of;
import static org.opendso.realtime.PresenceTesting.Viewers.shows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opendso.TestTenants;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/** Presence on one instance, through the real NOTIFY bus, with short heartbeat (300 ms) and expiry (1 s). */
@PresenceTesting
class PresenceIT {

    @Autowired
    Presence presence;

    @Autowired
    EventBus bus;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    @Test
    void aJoinedSessionShowsWithWhatItQualifiesAndGoesAtOnceWhenClosed() {
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-041");
        PresenceSession session = presence.join(collector, customer, () -> true);

        StepVerifier.create(presence.viewers(1, customer))
                .expectNextMatches(viewers -> of(viewers, session)
                        .filter(v -> v.userId() == collector.userId() && v.name().equals("Colin Collector"))
                        .filter(v -> !v.isQualifying())
                        .isPresent())
                .then(() -> session.qualifying(List.of("INV-1", "INV-2", "INV-3")))
                .expectNextMatches(viewers -> of(viewers, session).orElseThrow().qualifying()
                        .equals(List.of("INV-1", "INV-2", "INV-3")))
                .then(() -> session.qualifying(List.of()))
                .expectNextMatches(viewers -> !of(viewers, session).orElseThrow().isQualifying())
                .then(session::close)
                .expectNextMatches(viewers -> !shows(viewers, session))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void closingRemovesTheSessionAtOnceNotAfterExpiry() {
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-042");
        try (PresenceWatch watch = new PresenceWatch(presence.viewers(1, customer))) {
            PresenceSession session = presence.join(collector, customer, () -> true);
            assertThat(watch.shows(session)).isTrue();
            session.close();
            assertThat(watch.shows(session)).isFalse();
            // and the echo of its heartbeats or of its goodbye coming back from the bus does not revive it
            StepVerifier.create(presence.viewers(1, customer))
                    .expectNextMatches(viewers -> !shows(viewers, session))
                    .expectNoEvent(Duration.ofMillis(1000))
                    .thenCancel()
                    .verify();
        }
    }

    @Test
    void viewersAreAllSessionsSortedByNameAndHeartbeatsKeepThem() {
        Staff sales = tenants.demo("sales");
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-043");
        PresenceSession samFirstTab = presence.join(sales, customer, () -> true);
        PresenceSession colin = presence.join(collector, customer, () -> true);
        PresenceSession samSecondTab = presence.join(sales, customer, () -> true);
        try (PresenceWatch watch = new PresenceWatch(presence.viewers(1, customer))) {
            assertThat(watch.latest()).extracting(Viewer::name)
                    .containsExactly("Colin Collector", "Sam Sales", "Sam Sales");
            assertThat(watch.latest()).extracting(Viewer::session)
                    .containsExactlyInAnyOrder(samFirstTab.id(), colin.id(), samSecondTab.id());

            // several expiry periods later they are all still there, unchanged: the heartbeat carries them
            StepVerifier.create(presence.viewers(1, customer))
                    .expectNextMatches(list -> list.size() == 3)
                    .expectNoEvent(Duration.ofMillis(2500))
                    .thenCancel()
                    .verify();

            samFirstTab.close();
            colin.close();
            samSecondTab.close();
            assertThat(watch.latest()).isEmpty();
        }
    }

    @Test
    void aSessionThatIsNoLongerAliveExpiresAndComesBackWhenAliveAgain() {
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-044");
        AtomicBoolean alive = new AtomicBoolean(true);
        PresenceSession session = presence.join(collector, customer, alive::get);
        try (PresenceWatch watch = new PresenceWatch(presence.viewers(1, customer))) {
            assertThat(watch.shows(session)).isTrue();

            alive.set(false); // the tab's push connection is gone
            long before = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> !watch.shows(session));
            // not at once: a missed heartbeat is no departure, the others wait for the expiry (1 s here)
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThan(Duration.ofMillis(500));

            alive.set(true); // e.g. the websocket reconnected
            await().atMost(Duration.ofSeconds(5)).until(() -> watch.shows(session));
        } finally {
            session.close();
        }
    }

    @Test
    void anAccountOfAnotherTenantWithTheSameCustomerIdSeesNobody() {
        TestTenants.Other other = tenants.create("presence-iso");
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-046");
        PresenceSession[] demo = new PresenceSession[1];
        try (PresenceWatch demoWatch = new PresenceWatch(presence.viewers(1, customer))) {
            StepVerifier.create(presence.viewers(other.tenantId(), customer))
                    .expectNext(List.of())
                    .then(() -> {
                        demo[0] = presence.join(collector, customer, () -> true);
                        demo[0].qualifying(List.of("INV-1"));
                    })
                    // several heartbeats go through the bus meanwhile
                    .expectNoEvent(Duration.ofMillis(1500))
                    .thenCancel()
                    .verify();
            assertThat(demoWatch.shows(demo[0])).isTrue();

            // the other way round: the other tenant's collector on the same customer id is not on tenant 1's account
            try (PresenceWatch otherWatch = new PresenceWatch(presence.viewers(other.tenantId(), customer))) {
                PresenceSession intruder = presence.join(other.collector(), customer, () -> true);
                assertThat(otherWatch.latest()).extracting(Viewer::session).containsExactly(intruder.id());
                StepVerifier.create(presence.viewers(1, customer))
                        .expectNextMatches(viewers -> viewers.size() == 1 && shows(viewers, demo[0]))
                        .expectNoEvent(Duration.ofMillis(1000))
                        .thenCancel()
                        .verify();
                intruder.close();
            }
        } finally {
            demo[0].close();
        }
    }

    @Test
    void aLongSelectionStillFitsInOneNotification() {
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-047");
        List<String> many = IntStream.range(0, 2000).mapToObj(i -> "INVOICE-2024-" + i).toList();
        PresenceSession session = presence.join(collector, customer, () -> true);
        try {
            // the signal reaches the bus (PostgreSQL refuses payloads of 8000 bytes and more), cut to what fits
            StepVerifier.create(bus.broadcasts()
                            .filter(m -> m.contains(session.id()) && m.contains("INVOICE-2024-0"))
                            .map(m -> PresenceSignal.parse(m).orElseThrow())
                            .take(1))
                    .then(() -> session.qualifying(many))
                    .assertNext(signal -> assertThat(signal.qualifying()).isNotEmpty().hasSizeLessThan(many.size())
                            .isEqualTo(many.subList(0, signal.qualifying().size())))
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
        } finally {
            session.close();
        }
    }

    @Test
    void unknownMessagesOnTheBusAreIgnored() {
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-048");
        StepVerifier.create(presence.viewers(1, customer))
                .expectNext(List.of())
                .then(() -> bus.broadcast("not json")
                        .then(bus.broadcast("{\"k\":\"dance\",\"t\":1,\"c\":" + customer + "}"))
                        .then(bus.broadcast("{\"k\":\"here\",\"t\":1,\"c\":" + customer + "}"))
                        .block())
                .expectNoEvent(Duration.ofMillis(500))
                .then(() -> presence.join(collector, customer, () -> true).close())
                .expectNextMatches(viewers -> viewers.size() == 1)
                .expectNext(List.of())
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }
}
