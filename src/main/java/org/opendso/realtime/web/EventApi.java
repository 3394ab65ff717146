package org.opendso.realtime.web;

import java.time.Duration;
import org.opendso.security.CurrentStaff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Server-Sent Events: {@code GET /api/v1/customers/{account}/events} (id = seq) and {@code GET /api/v1/events}
 * (the whole company as the user may see it, id = account:seq). The position to resume after is the
 * {@code Last-Event-ID} header, which a reconnecting EventSource sends, or else the {@code from} parameter, which
 * stays in its URL and must not win over it; with neither, the stream starts at the current end (live only).
 */
@Configuration
class EventApi {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** A comment this often keeps proxies and load balancers from closing a quiet stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** What an EventSource waits before reconnecting. */
    static final Duration RETRY = Duration.ofSeconds(3);

    private final Feeds feeds;

    EventApi(Feeds feeds) {
        this.feeds = feeds;
    }

    @Bean
    RouterFunction<ServerResponse> eventRoutes() {
        return RouterFunctions.route()
                .GET("/v1/customers/{account}/events", this::account)
                .GET("/v1/events", this::tenant)
                .build();
    }

    private Mono<ServerResponse> account(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> {
            String field = field(request);
            Long from = Feeds.seq(position(request), field);
            return feeds.account(staff, request.pathVariable("account"), from, field)
                    .flatMap(events -> stream(events.map(FRAMES::of)));
        });
    }

    private Mono<ServerResponse> tenant(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> {
            String from = position(request);
            return feeds.tenant(staff, from == null || from.isBlank() ? null : from.strip(), field(request))
                    .flatMap(events -> stream(events.map(e -> SseFrames.frame(e.tenantStreamId(), e))));
        });
    }

    private static String position(ServerRequest request) {
        String last = request.headers().firstHeader(LAST_EVENT_ID);
        return last != null && !last.isBlank() ? last : request.queryParam("from").orElse(null);
    }

    private static String field(ServerRequest request) {
        String last = request.headers().firstHeader(LAST_EVENT_ID);
        return last != null && !last.isBlank() ? LAST_EVENT_ID : "from";
    }

    /** Frames of the account streams, each serialised once however many subscribers it goes to. */
    private static final SseFrames FRAMES = new SseFrames();

    /**
     * The response starts with a comment at once, so the client knows it is connected (headers are sent with it);
     * every event committed after that point reaches it. Frames are written as ready-made bytes and flushed one by
     * one: a thousand subscribers of one account share each frame instead of encoding it a thousand times.
     */
    private static Mono<ServerResponse> stream(Flux<byte[]> events) {
        Flux<byte[]> heartbeats = Flux.interval(HEARTBEAT, HEARTBEAT)
                .onBackpressureDrop()
                .map(n -> SseFrames.HEARTBEAT);
        byte[] opening = SseFrames.opening(RETRY);
        Flux<byte[]> frames = Flux.concat(Mono.just(opening), Flux.merge(events, heartbeats));
        BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> inserter = (message, context) ->
                message.writeAndFlushWith(frames.map(bytes -> Mono.just(message.bufferFactory().wrap(bytes))));
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no")
                .body(inserter);
    }
}
