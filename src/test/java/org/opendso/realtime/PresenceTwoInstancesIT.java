package org.opendso.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendso.realtime.PresenceTesting.Viewers.demoCustomer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendso.OpenDsoApplication;
import org.opendso.TestTenants;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;

/**
 * Two application instances on one database: the test's context ("A", heartbeat 300 ms, expiry 1 s) and a second
 * one started here ("B"), which finds the run's database through the {@code opendso.db.url} system property that
 * {@link org.opendso.FreshDatabase} sets. B's heartbeat is 30 s and its expiry 60 s, so what A sees of B's
 * sessions within a few seconds came from a "who" answer or a goodbye, never from a heartbeat or an expiry.
 */
@PresenceTesting
class PresenceTwoInstancesIT {

    private static ConfigurableApplicationContext instanceB;

    @Autowired
    Presence presenceA;

    @Autowired
    EventBus busA;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void startSecondInstance() {
        // command-line arguments: builder properties() are defaults, which application.properties would override
        // (server.port 8080, RSocket 7000: ports another test or a running app may hold)
        instanceB = new SpringApplicationBuilder(OpenDsoApplication.class)
                .run("--server.port=0", "--spring.rsocket.server.port=0", "--opendso.agenda.on-start=false",
                        "--opendso.agenda.daily-cron=-", "--opendso.agenda.catch-up-cron=-", "--opendso.demo=false",
                        "--opendso.presence.heartbeat=30s", "--opendso.presence.expiry=60s");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    private static Presence presenceB() {
        return instanceB.getBean(Presence.class);
    }

    @Test
    void aSessionOnOneInstanceAppearsOnTheOtherAndLeavesWithItsGoodbye() {
        Staff sales = tenants.demo("sales");
        long customer = demoCustomer(db, "DEMO-031");
        // B's session exists before A watches the account: A learns it by asking "who" (B's heartbeat is 30 s)
        List<String> heardByA = new CopyOnWriteArrayList<>();
        Disposable listening = busA.broadcasts().subscribe(heardByA::add);
        PresenceSession onB = presenceB().join(sales, customer, () -> true);
        // B's first announcement has passed A by before A starts watching
        await().atMost(Duration.ofSeconds(10)).until(() -> heardByA.stream().anyMatch(m -> m.contains(onB.id())));
        listening.dispose();
        try (PresenceWatch watchA = new PresenceWatch(presenceA.viewers(1, customer))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> watchA.shows(onB));

            onB.qualifying(List.of("INV-7", "INV-8"));
            await().atMost(Duration.ofSeconds(10)).until(() -> watchA.latest().stream()
                    .anyMatch(v -> v.session().equals(onB.id()) && v.qualifying().equals(List.of("INV-7", "INV-8"))));

            onB.close();
            // well before B's 60 s expiry: the goodbye crossed over
            await().atMost(Duration.ofSeconds(10)).until(() -> !watchA.shows(onB));
        } finally {
            onB.close();
        }
    }

    @Test
    void aSessionOnTheTestInstanceAppearsOnTheSecond() {
        Staff collector = tenants.demo("collector");
        long customer = demoCustomer(db, "DEMO-033");
        try (PresenceWatch watchB = new PresenceWatch(presenceB().viewers(1, customer))) {
            PresenceSession onA = presenceA.join(collector, customer, () -> true);
            await().atMost(Duration.ofSeconds(10)).until(() -> watchB.shows(onA));
            assertThat(watchB.latest()).singleElement().extracting(Viewer::name).isEqualTo("Colin Collector");

            onA.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !watchB.shows(onA));
        }
    }

    @Test
    void anInstanceThatStopsSaysGoodbyeForItsSessions() {
        Staff sales = tenants.demo("sales");
        long customer = demoCustomer(db, "DEMO-035");
        try (PresenceWatch watchA = new PresenceWatch(presenceA.viewers(1, customer))) {
            PresenceSession onB = presenceB().join(sales, customer, () -> true);
            await().atMost(Duration.ofSeconds(10)).until(() -> watchA.shows(onB));
            // stop B's presence only (the whole instance keeps running for the other tests), as its shutdown would
            presenceB().stop();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> !watchA.shows(onB));
            } finally {
                presenceB().start();
            }
        }
    }
}
