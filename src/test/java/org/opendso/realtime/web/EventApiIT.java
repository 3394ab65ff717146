package org.opendso.realtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.customer.AssignmentRole;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.StreamFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Server-Sent Events of one account and of the whole company: resume, ids, visibility, errors. */
@IntegrationTest
@Import({StreamFixtures.class, TestTenants.class})
class EventApiIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() { };
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StreamFixtures fx;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    WebTestClient api;
    long tenant;

    @BeforeEach
    void client() {
        // a pool of our own whose idle connections retire before Tomcat's keep-alive timeout (20 s) closes them:
        // the shared default pool could hand out a connection the server is just closing ("prematurely closed")
        var connections = reactor.netty.resources.ConnectionProvider.builder("event-api-it")
                .maxIdleTime(java.time.Duration.ofSeconds(5)).build();
        api = WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(connections)))
                .baseUrl("http://localhost:" + port + "/api").responseTimeout(WAIT).build();
        tenant = fx.demoTenant();
    }

    /** An account of its own, visible to the collector, with {@code events} events. */
    long account(int events) {
        long customer = fx.customer(tenant);
        fx.assign(customer, "collector", AssignmentRole.COLLECTOR);
        if (events > 0) {
            fx.appendEach(tenant, customer, events).blockLast();
        }
        return customer;
    }

    /** The stream as a client reads it: events only (no comments). */
    Flux<ServerSentEvent<String>> events(String login, String uri, Consumer<HttpHeaders> headers) {
        return open(login, uri, headers).filter(e -> e.event() != null);
    }

    Flux<ServerSentEvent<String>> open(String login, String uri, Consumer<HttpHeaders> headers) {
        return api.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth(login, "demo")).headers(headers)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE)
                .getResponseBody();
    }

    static Consumer<HttpHeaders> none() {
        return h -> { };
    }

    static Consumer<HttpHeaders> lastEventId(String id) {
        return h -> h.set("Last-Event-ID", id);
    }

    static boolean opening(ServerSentEvent<String> e) {
        return "streaming".equals(e.comment()) && e.retry() != null;
    }

    @Test
    void anAccountStreamReplaysFromTheGivenSeqThenGoesLive() {
        long customer = account(4);
        String account = fx.account(customer);

        StepVerifier.create(events("collector", "/v1/customers/" + account + "/events?from=2", none()))
                .assertNext(e -> {
                    assertThat(e.id()).isEqualTo("3");
                    assertThat(e.event()).isEqualTo("COMMENT_ADDED");
                    JsonNode data = JSON.readTree(e.data());
                    assertThat(data.get("account").asString()).isEqualTo(account);
                    assertThat(data.get("seq").asLong()).isEqualTo(3);
                    assertThat(data.get("type").asString()).isEqualTo("COMMENT_ADDED");
                    assertThat(data.get("actor").asString()).isEqualTo("stream test");
                    assertThat(data.get("actorId").isNull()).isTrue();
                    assertThat(data.get("at").asString()).isNotBlank();
                    assertThat(data.get("payload").get("comment").asString()).isEqualTo("note 3");
                })
                .assertNext(e -> assertThat(e.id()).isEqualTo("4"))
                .then(() -> fx.append(tenant, customer, "live").block())
                .assertNext(e -> {
                    assertThat(e.id()).isEqualTo("5");
                    assertThat(e.data()).contains("\"comment\":\"live\"");
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void lastEventIdWinsOverFromAsAReconnectingEventSourceSendsBoth() {
        long customer = account(5);
        String account = fx.account(customer);

        StepVerifier.create(events("collector", "/v1/customers/" + account + "/events?from=1", lastEventId("3")))
                .assertNext(e -> assertThat(e.id()).isEqualTo("4"))
                .assertNext(e -> assertThat(e.id()).isEqualTo("5"))
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(WAIT);
        StepVerifier.create(events("collector", "/v1/customers/" + account + "/events?from=0", none()).take(5))
                .expectNextCount(5)
                .verifyComplete();
    }

    @Test
    void withoutAPositionTheStreamIsLiveOnlyAndSaysAtOnceThatItIsConnected() {
        long customer = account(3);
        String account = fx.account(customer);

        StepVerifier.create(open("collector", "/v1/customers/" + account + "/events", none()))
                .expectNextMatches(EventApiIT::opening)
                .then(() -> fx.append(tenant, customer, "fourth").block())
                .assertNext(e -> {
                    assertThat(e.id()).isEqualTo("4");
                    assertThat(e.event()).isEqualTo("COMMENT_ADDED");
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void badPositionsAreProblemsNamingTheField() {
        long customer = account(2);
        String account = fx.account(customer);
        String uri = "/v1/customers/" + account + "/events";
        for (String from : new String[] {"abc", "-1", "3"}) {
            api.get().uri(uri + "?from=" + from).accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> h.setBasicAuth("collector", "demo"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.field").isEqualTo("from");
        }
        api.get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("collector", "demo")).headers(lastEventId("two"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("Last-Event-ID");
        for (String from : new String[] {"nonsense", account + ":x", account + ":99", "NO-SUCH-ACCOUNT:1"}) {
            api.get().uri(b -> b.path("/v1/events").queryParam("from", from).build()).accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> h.setBasicAuth("collector", "demo"))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.field").isEqualTo("from");
        }
    }

    @Test
    void accountsTheUserMayNotSeeAnswer404AndAnonymousCallers401() {
        TestTenants.Other other = tenants.create("sse-iso");
        long theirs = fx.customer(other.tenantId());
        String theirAccount = fx.account(theirs);
        long unassigned = fx.customer(tenant);

        api.get().uri("/v1/customers/" + theirAccount + "/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("admin", "demo"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.status").isEqualTo(404);
        api.get().uri("/v1/customers/" + fx.account(unassigned) + "/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("collector", "demo"))
                .exchange()
                .expectStatus().isNotFound();
        api.get().uri("/v1/customers/DEMO-005/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("collector", "demo"))
                .exchange()
                .expectStatus().isNotFound();
        api.get().uri("/v1/customers/DEMO-004/events").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isUnauthorized();
        api.get().uri("/v1/events").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theCompanyStreamCarriesAccountSeqIdsAndOnlyTheAccountsTheUserMaySee() {
        long seen = fx.customer(tenant);
        fx.assign(seen, "collector", AssignmentRole.COLLECTOR);
        long hidden = fx.customer(tenant); // nobody assigned: the collector does not see it
        String seenAccount = fx.account(seen);
        String hiddenAccount = fx.account(hidden);
        Flux<ServerSentEvent<String>> collector = open("collector", "/v1/events", none())
                .filter(e -> e.event() == null || e.id().startsWith("ST-"));
        Flux<ServerSentEvent<String>> admin = open("admin", "/v1/events", none())
                .filter(e -> e.event() == null || e.id().startsWith("ST-"));

        StepVerifier.create(Flux.merge(collector.map(e -> "collector " + label(e)), admin.map(e -> "admin " + label(e))))
                .expectNextMatches(s -> s.endsWith(" connected"))
                .expectNextMatches(s -> s.endsWith(" connected"))
                .then(() -> {
                    fx.append(tenant, hidden, "hidden").block();
                    fx.append(tenant, seen, "seen").block();
                })
                .recordWith(java.util.ArrayList::new)
                .expectNextCount(3)
                .consumeRecordedWith(received -> assertThat(received).containsExactlyInAnyOrder(
                        "admin " + hiddenAccount + ":1", "admin " + seenAccount + ":1",
                        "collector " + seenAccount + ":1"))
                .expectNoEvent(Duration.ofMillis(500))
                .thenCancel()
                .verify(WAIT);

        // resuming after an event (as a reconnecting client would) gives what followed it, in commit order
        AccountEvent third = fx.append(tenant, seen, "third").block();
        StepVerifier.create(events("collector", "/v1/events", lastEventId(seenAccount + ":1"))
                        .filter(e -> e.id().startsWith("ST-")).map(ServerSentEvent::id))
                .expectNext(seenAccount + ":2")
                .thenCancel()
                .verify(WAIT);
        StepVerifier.create(events("admin", "/v1/events?from=" + hiddenAccount + ":1", none())
                        .filter(e -> e.id().startsWith("ST-")).map(ServerSentEvent::id))
                .expectNext(seenAccount + ":1", third.tenantStreamId())
                .thenCancel()
                .verify(WAIT);
    }

    private static String label(ServerSentEvent<String> e) {
        return e.event() == null ? (opening(e) ? "connected" : "comment") : e.id();
    }
}
