package org.opendso.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.item.ItemType;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.Qualifications;
import org.opendso.qualification.StaleItems;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The event streams against the real database and bus: replay-then-live, resume, order, lag, conflicts. */
@IntegrationTest
@Import({StreamFixtures.class, TestTenants.class})
class EventStreamsIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    EventStreams streams;

    @Autowired
    EventBus bus;

    @Autowired
    StreamFixtures fx;

    @Autowired
    TestTenants tenants;

    @Autowired
    Qualifications qualifications;

    @Autowired
    DatabaseClient db;

    static List<Long> seqs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void replaysTheMissedEventsThenGoesLiveWithoutGapOrDuplicateWhileWritersAppend() {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        fx.history(tenant, customer, 600); // more than two pages of replay

        StepVerifier.create(streams.account(tenant, customer, 5).map(AccountEvent::seq))
                .then(() -> fx.appendEach(tenant, customer, 100).subscribe()) // appended while the replay runs
                .expectNextSequence(seqs(6, 700))
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void resumesAfterTheLastSeqSeenAndStartsLiveFromTheHead() {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        fx.appendEach(tenant, customer, 3).blockLast();

        StepVerifier.create(streams.account(tenant, customer, 0).map(AccountEvent::seq))
                .expectNext(1L, 2L, 3L)
                .thenCancel()
                .verify(WAIT);
        fx.appendEach(tenant, customer, 2).blockLast(); // while the client is away: 4, 5

        StepVerifier.create(streams.account(tenant, customer, 3).map(AccountEvent::seq))
                .expectNext(4L, 5L)
                .then(() -> fx.append(tenant, customer, "six").block())
                .expectNext(6L)
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(WAIT);

        long head = streams.head(tenant, customer).block();
        assertThat(head).isEqualTo(6);
        StepVerifier.create(streams.account(tenant, customer, head))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(300))
                .then(() -> fx.append(tenant, customer, "seven").block())
                .assertNext(e -> {
                    assertThat(e.seq()).isEqualTo(7);
                    assertThat(e.type()).isEqualTo(EventType.COMMENT_ADDED);
                    assertThat(e.account()).isEqualTo(fx.account(customer));
                    assertThat(e.json()).contains("\"seq\":7", "\"type\":\"COMMENT_ADDED\"", "\"actor\":\"stream test\"",
                            "\"comment\":\"seven\"");
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void concurrentWritersOnOneAccountAreSeenInSeqOrderWithoutGap() {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        Flux<AccountEvent> writers = Flux.range(0, 8).flatMap(w -> Flux.range(0, 50)
                .concatMap(i -> fx.append(tenant, customer, "w" + w + "-" + i)), 8);

        List<AccountEvent> seen = new ArrayList<>();
        StepVerifier.create(streams.account(tenant, customer, 0).take(400))
                .then(() -> writers.subscribe())
                .recordWith(() -> seen)
                .expectNextCount(400)
                .expectComplete()
                .verify(WAIT);

        assertThat(seen).extracting(AccountEvent::seq).containsExactlyElementsOf(seqs(1, 400));
        // each writer's events keep the order in which it wrote them
        Map<String, List<Integer>> byWriter = new HashMap<>();
        Pattern note = Pattern.compile("\"comment\": ?\"(w\\d)-(\\d+)\"");
        for (AccountEvent e : seen) {
            Matcher m = note.matcher(e.payload());
            assertThat(m.find()).as(e.payload()).isTrue();
            byWriter.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
        }
        assertThat(byWriter).hasSize(8);
        byWriter.values().forEach(order -> assertThat(order).isSorted().hasSize(50));

        Map<String, Object> table = db.sql("""
                        select count(*) as n, count(distinct seq) as distinct_seqs, min(seq) as low, max(seq) as high,
                               (select event_seq from customer where id = :c) as head
                        from event where customer_id = :c""")
                .bind("c", customer).fetch().one().block();
        assertThat(table).containsEntry("n", 400L).containsEntry("distinct_seqs", 400L)
                .containsEntry("low", 1L).containsEntry("high", 400L).containsEntry("head", 400L);
    }

    @Test
    void aSlowSubscriberIsCutFromTheLiveFeedAndCatchesUpFromTheTableWithoutDelayingOthers() {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        int lagLimit = 16;
        int count = 300;
        long cutBefore = streams.cutOffCount();
        List<Long> fast = new CopyOnWriteArrayList<>();
        // a limit it cannot reach: only the slow one may be cut off
        Disposable fastSubscriber = streams.account(tenant, customer, 0, 100_000).subscribe(e -> fast.add(e.seq()));
        try {
            StepVerifier.create(streams.account(tenant, customer, 0, lagLimit).map(AccountEvent::seq), 1)
                    .then(() -> fx.appendEach(tenant, customer, count).blockLast())
                    .expectNext(1L)
                    .then(() -> {
                        // the slow one still holds its demand at 1: the fast one is not held back by it
                        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fast.size() >= count);
                        assertThat(fast).containsExactlyElementsOf(seqs(1, count));
                    })
                    .thenRequest(Long.MAX_VALUE)
                    .expectNextSequence(seqs(2, count))
                    .expectNoEvent(Duration.ofMillis(300))
                    .then(() -> assertThat(streams.cutOffCount()).as("cut off and resumed from the table")
                            .isGreaterThan(cutBefore))
                    .then(() -> fx.append(tenant, customer, "after catching up").block())
                    .expectNext((long) count + 1)
                    .thenCancel()
                    .verify(WAIT);
        } finally {
            fastSubscriber.dispose();
        }
    }

    @Test
    void aQualificationOnAStaleVersionIsRefusedWithTheCurrentStateAndWhoChangedIt() {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        fx.invoice(tenant, customer, "INV-STALE-1");
        Staff admin = fx.staff("admin");
        Staff collector = fx.staff("collector");
        Qualification first = new Qualification(List.of(new Qualification.ItemRef(ItemType.INVOICE, "INV-STALE-1", 0)),
                "PRICE_DISPUTE", null, "The customer says the price is wrong", null, null);
        Qualification second = new Qualification(List.of(new Qualification.ItemRef(ItemType.INVOICE, "INV-STALE-1", 0)),
                "CALLED_BACK", null, "Call again on Monday", null, null);

        StepVerifier.create(qualifications.qualify(admin, customer, first))
                .assertNext(result -> {
                    assertThat(result.seq()).isEqualTo(1);
                    assertThat(result.items()).singleElement().satisfies(i -> assertThat(i.version()).isEqualTo(1));
                })
                .verifyComplete();
        StepVerifier.create(qualifications.qualify(collector, customer, second))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(StaleItems.class);
                    assertThat(((StaleItems) e).current()).singleElement().satisfies(item -> {
                        assertThat(item.number()).isEqualTo("INV-STALE-1");
                        assertThat(item.version()).isEqualTo(1);
                        assertThat(item.qualification().statusCode()).isEqualTo("PRICE_DISPUTE");
                        assertThat(item.qualification().changedBy()).isEqualTo(admin.name());
                        assertThat(item.qualification().changedAt()).isNotNull();
                    });
                    assertThat(e.getMessage()).contains("PRICE_DISPUTE by " + admin.name());
                })
                .verify(WAIT);
        assertThat(streams.head(tenant, customer).block()).as("nothing saved, no event").isEqualTo(1);
        StepVerifier.create(streams.account(tenant, customer, 0).take(1))
                .assertNext(e -> assertThat(e.type()).isEqualTo(EventType.ITEMS_QUALIFIED))
                .verifyComplete();
    }

    @Test
    void aGapInTheLiveFeedIsReadFromTheTableAndAReconnectionMakesTheStreamReadItAgain() {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        FakeBus fake = new FakeBus();
        EventStreams overFake = new EventStreams(db, fake, 512);
        AtomicReference<List<AccountEvent>> appended = new AtomicReference<>();

        StepVerifier.create(overFake.account(tenant, customer, 0).map(AccountEvent::seq))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(200))
                // five commits whose notifications were all lost but the last
                .then(() -> appended.set(fx.appendEach(tenant, customer, 5).collectList().block()))
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> fake.account.tryEmitNext(appended.get().get(4)))
                .expectNext(1L, 2L, 3L, 4L, 5L)
                .then(() -> fake.account.tryEmitNext(appended.get().get(2))) // a late duplicate
                .expectNoEvent(Duration.ofMillis(200))
                // the bus was away while 6 and 7 were committed; it is back
                .then(() -> fx.appendEach(tenant, customer, 2).blockLast())
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> fake.reconnections.tryEmitNext(2L))
                .expectNext(6L, 7L)
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void theRealBusReconnectsAfterLosingItsConnectionAndNothingIsMissed() {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        Flux<Long> reconnected = bus.reconnections().take(1);

        StepVerifier.create(Flux.merge(streams.account(tenant, customer, 0).map(AccountEvent::seq),
                        reconnected.map(n -> -1L)))
                .expectSubscription()
                .then(() -> {
                    Long killed = db.sql("""
                                    select count(pg_terminate_backend(pid)) as n from pg_stat_activity
                                    where datname = current_database() and application_name = :name""")
                            .bind("name", PostgresEventBus.APPLICATION_NAME)
                            .map((r, m) -> r.get("n", Long.class)).one().block();
                    assertThat(killed).isPositive();
                    fx.appendEach(tenant, customer, 3).blockLast(); // probably while the bus is away
                })
                .recordWith(ArrayList::new)
                .expectNextCount(4)
                .consumeRecordedWith(signals -> {
                    assertThat(signals).contains(-1L);
                    assertThat(signals.stream().filter(s -> s > 0).toList()).containsExactly(1L, 2L, 3L);
                })
                .then(() -> fx.append(tenant, customer, "after").block())
                .expectNext(4L)
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void theTenantStreamResumesInCommitOrderEvenPastALongTransaction() {
        TestTenants.Other other = tenants.create("stream-order");
        long tenant = other.tenantId();
        long early = other.customerId();
        long late = fx.customer(tenant);
        Sinks.One<Void> commit = Sinks.one();
        AtomicReference<AccountEvent> held = new AtomicReference<>();

        // a long transaction appends first (smaller id) ...
        Disposable longTx = fx.appendAndHold(tenant, early, "long", commit.asMono(), held::set).subscribe();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.get() != null);
        // ... another commits meanwhile: a client reading the stream now sees it, and resumes after it later
        AccountEvent committed = fx.append(tenant, late, "quick").block();
        assertThat(held.get().id()).isLessThan(committed.id());
        long resumeAfter = streams.tenantPosition(tenant, committed.account(), committed.seq()).block();
        assertThat(streams.tenantHead(tenant).block()).isEqualTo(committed.id());

        StepVerifier.create(streams.tenant(tenant, resumeAfter, e -> true).map(AccountEvent::tenantStreamId))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(300))
                .then(() -> commit.tryEmitEmpty())
                .expectNext("DEMO-001:1")
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(WAIT);
        longTx.dispose();

        // from the beginning: commit order, each once
        StepVerifier.create(streams.tenant(tenant, 0, e -> true).map(AccountEvent::tenantStreamId).take(2))
                .expectNext(committed.account() + ":1", "DEMO-001:1")
                .verifyComplete();
        assertThat(streams.tenantHead(tenant).block()).isEqualTo(held.get().id());
    }

    @Test
    void theTenantStreamDeliversEveryEventOnceUnderConcurrentWritersOnSeveralAccounts() {
        TestTenants.Other other = tenants.create("stream-many");
        long tenant = other.tenantId();
        List<Long> accounts = List.of(fx.customer(tenant), fx.customer(tenant), fx.customer(tenant), other.customerId());
        Flux<AccountEvent> writers = Flux.fromIterable(accounts)
                .flatMap(c -> Flux.range(0, 2).flatMap(w -> fx.appendEach(tenant, c, 25)), 8);
        long visibleAccount = accounts.get(0);

        List<AccountEvent> all = new ArrayList<>();
        StepVerifier.create(streams.tenant(tenant, streams.tenantHead(tenant).block(), e -> true).take(200))
                .then(() -> writers.subscribe())
                .recordWith(() -> all)
                .expectNextCount(200)
                .verifyComplete();
        assertThat(all).extracting(AccountEvent::tenantStreamId).doesNotHaveDuplicates();
        Map<Long, List<Long>> perAccount = new HashMap<>();
        all.forEach(e -> perAccount.computeIfAbsent(e.customerId(), k -> new ArrayList<>()).add(e.seq()));
        assertThat(perAccount.keySet()).containsExactlyInAnyOrderElementsOf(accounts);
        perAccount.values().forEach(s -> assertThat(s).containsExactlyElementsOf(seqs(1, 50)));

        // the filter sees every event and passes only the ones it accepts
        StepVerifier.create(streams.tenant(tenant, 0, e -> e.customerId() == visibleAccount).take(50))
                .recordWith(ArrayList::new)
                .expectNextCount(50)
                .consumeRecordedWith((Collection<AccountEvent> events) -> assertThat(events)
                        .allSatisfy(e -> assertThat(e.customerId()).isEqualTo(visibleAccount)))
                .verifyComplete();
    }

    @Test
    void anUnknownTenantPositionIsRefused() {
        TestTenants.Other other = tenants.create("stream-unknown");
        AccountEvent elsewhere = fx.append(fx.demoTenant(), fx.customer(fx.demoTenant()), "demo").block();
        assertThat(streams.tenantPosition(other.tenantId(), elsewhere.account(), elsewhere.seq()).blockOptional()).isEmpty();
        StepVerifier.create(streams.tenant(other.tenantId(), elsewhere.id(), e -> true))
                .expectError(IllegalArgumentException.class)
                .verify(WAIT);
    }

    /** A bus whose deliveries the test decides. */
    static final class FakeBus implements EventBus {

        final Sinks.Many<AccountEvent> account = Sinks.many().multicast().directBestEffort();
        final Sinks.Many<Long> reconnections = Sinks.many().multicast().directBestEffort();

        @Override
        public Flux<AccountEvent> account(long customerId) {
            return account.asFlux().filter(e -> e.customerId() == customerId);
        }

        @Override
        public Flux<AccountEvent> tenant(long tenantId) {
            return Flux.never();
        }

        @Override
        public Flux<Long> reconnections() {
            return reconnections.asFlux();
        }

        @Override
        public Mono<Void> broadcast(String message) {
            return Mono.empty();
        }

        @Override
        public Flux<String> broadcasts() {
            return Flux.never();
        }
    }
}
