package org.opendso.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.OpenDsoApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Two application instances on one database (this test's context is A; B is started here on other ports and
 * reaches the same database through the {@code opendso.db.url} system property that FreshDatabase set): an event
 * committed through A reaches an SSE subscriber of B, through PostgreSQL NOTIFY.
 */
@IntegrationTest
class TwoInstancesIT {

    @LocalServerPort
    int portA;

    ConfigurableApplicationContext instanceB;

    @AfterEach
    void stopB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aQualificationCommittedThroughInstanceAReachesAnSseSubscriberOfInstanceB() {
        // command-line arguments: they win over application.properties (builder properties would not)
        instanceB = new SpringApplicationBuilder(OpenDsoApplication.class)
                .run("--server.port=0", "--spring.rsocket.server.port=0", "--opendso.agenda.on-start=false",
                        "--opendso.agenda.daily-cron=-", "--opendso.agenda.catch-up-cron=-", "--opendso.demo=true");
        int portB = instanceB.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        assertThat(portB).isNotEqualTo(portA);

        Flux<ServerSentEvent<String>> atB = WebClient.create("http://localhost:" + portB + "/api")
                .get().uri("/v1/customers/DEMO-001/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("collector", "demo"))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { });
        WebTestClient atA = WebTestClient.bindToServer().baseUrl("http://localhost:" + portA + "/api")
                .responseTimeout(Duration.ofSeconds(20)).build();
        List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
        Disposable subscriber = atB.subscribe(received::add);
        try {
            // B answers with a comment once it listens: every commit from then on reaches this subscriber
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> received.stream().anyMatch(e -> "streaming".equals(e.comment())));
            String seq = qualifyThroughA(atA);

            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> received.stream().anyMatch(e -> e.event() != null));
            assertThat(received).filteredOn(e -> e.event() != null).singleElement().satisfies(e -> {
                assertThat(e.event()).isEqualTo("ITEMS_QUALIFIED");
                assertThat(e.id()).isEqualTo(seq);
                assertThat(e.data()).contains("\"account\":\"DEMO-001\"", "\"code\":\"CALLED_BACK\"",
                        "Will call back on Friday");
            });
        } finally {
            subscriber.dispose();
        }
    }

    private static String qualifyThroughA(WebTestClient atA) {
        List<Map<String, Object>> items = atA.get().uri("/v1/customers/DEMO-001/items")
                .headers(h -> h.setBasicAuth("collector", "demo"))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        Map<String, Object> item = items.getFirst();
        Map<String, Object> result = atA.post().uri("/v1/customers/DEMO-001/qualifications")
                .headers(h -> h.setBasicAuth("collector", "demo"))
                .bodyValue(Map.of(
                        "items", List.of(Map.of("number", item.get("number"), "type", item.get("type"),
                                "version", item.get("version"))),
                        "status", "CALLED_BACK",
                        "comment", "Will call back on Friday"))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return String.valueOf(result.get("seq"));
    }
}
