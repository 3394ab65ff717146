package org.opendso.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The evidence behind docs/decisions/0001-web-topology.md: with Tomcat limited to 4 worker threads, many slow
 * API requests and server-sent-event streams on /api are in flight at once, and the servlet side (health, UI)
 * still answers meanwhile, because the mounted WebFlux handler releases the Tomcat thread while it waits.
 * The measured figures are written to target/e2e/web-topology.txt.
 */
@IntegrationTest
@TestPropertySource(properties = {"server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1"})
class WebTopologyIT {

    private static final int TOMCAT_THREADS = 4;
    private static final int SLOW_REQUESTS = 40;
    private static final int STREAMS = 20;
    private static final Duration DELAY = Duration.ofSeconds(3);
    /** API requests that reached their handler and are waiting for their delay or next event. */
    private static final AtomicInteger WAITING = new AtomicInteger();

    /** Test-only routes: an answer after a delay, and a stream of three events a second apart. */
    @TestConfiguration
    static class SlowRoutes {

        @Bean
        RouterFunction<ServerResponse> slowTestRoutes() {
            return RouterFunctions.route()
                    .GET("/v1/test/slow", r -> Mono.delay(DELAY)
                            .doOnSubscribe(s -> WAITING.incrementAndGet())
                            .doFinally(s -> WAITING.decrementAndGet())
                            .then(Mono.defer(() -> ServerResponse.ok().bodyValue(Thread.currentThread().getName()))))
                    .GET("/v1/test/ticks", r -> ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                            .body(Flux.interval(Duration.ofSeconds(1)).take(3)
                                    .map(i -> ServerSentEvent.builder("tick " + i).id(String.valueOf(i)).build())
                                    .doOnSubscribe(s -> WAITING.incrementAndGet())
                                    .doFinally(s -> WAITING.decrementAndGet()),
                                    ServerSentEvent.class))
                    .build();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TestTenants tenants;

    @Test
    void slowApiRequestsAndStreamsDoNotHoldTomcatThreads() throws Exception {
        String token = tokens.create(tenants.demo("admin"), "web topology test").block().secret();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        // warm up: the first request initialises the handler chain
        assertThat(http.send(api(base + "/api/v1/test/slow", token), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_REQUESTS; i++) {
            slow.add(http.sendAsync(api(base + "/api/v1/test/slow", token), HttpResponse.BodyHandlers.ofString()));
        }
        List<CompletableFuture<HttpResponse<String>>> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(http.sendAsync(api(base + "/api/v1/test/ticks", token), HttpResponse.BodyHandlers.ofString()));
        }
        // once all of them wait in their handlers, the servlet side still has threads to answer with
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(20))
                .until(() -> WAITING.get() == SLOW_REQUESTS + STREAMS || slow.stream().anyMatch(CompletableFuture::isDone));
        double dispatchSeconds = seconds(start);
        long healthStart = System.nanoTime();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        double healthSeconds = seconds(healthStart);
        boolean apiStillWaiting = slow.stream().noneMatch(CompletableFuture::isDone);

        CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).join();
        double slowSeconds = seconds(start);
        CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).join();
        double allSeconds = seconds(start);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(slow).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        assertThat(streams).allSatisfy(f -> assertThat(f.join().body()).contains("tick 0", "tick 1", "tick 2"));
        // a thread per request would need ceil(40 / 4) × 3 s = 30 s for the slow ones alone
        double threadPerRequest = Math.ceil((double) SLOW_REQUESTS / TOMCAT_THREADS) * DELAY.toSeconds();
        assertThat(slowSeconds).isLessThan(threadPerRequest / 2);
        assertThat(apiStillWaiting).as("/actuator/health answered while the %d API requests held no Tomcat thread",
                SLOW_REQUESTS).isTrue();

        String handlerThreads = slow.stream().map(f -> f.join().body().replaceAll("-\\d+$", "-N")).distinct()
                .sorted().toList().toString();
        String report = String.format(Locale.ROOT, """
                        Tomcat worker threads: %d (server.tomcat.threads.max)
                        %d API requests each answering after %d s, plus %d SSE streams of 3 events 1 s apart, all at once on /api:
                          all %d requests in their handlers %.2f s after the first was sent
                          all %d slow requests answered after %.2f s (a thread per request would need %.0f s)
                          all streams complete after %.2f s
                          /actuator/health (servlet side) answered in %.3f s while they were in flight (API requests still waiting: %s)
                          threads that completed the API handlers: %s
                        """, TOMCAT_THREADS, SLOW_REQUESTS, DELAY.toSeconds(), STREAMS, SLOW_REQUESTS + STREAMS, dispatchSeconds,
                SLOW_REQUESTS, slowSeconds,
                threadPerRequest, allSeconds, healthSeconds, apiStillWaiting, handlerThreads);
        System.out.print(report);
        write(report);
    }

    private static HttpRequest api(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void write(String report) {
        try {
            Files.createDirectories(HeadlessChromium.SCREENSHOTS);
            Files.writeString(HeadlessChromium.SCREENSHOTS.resolve("web-topology.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
