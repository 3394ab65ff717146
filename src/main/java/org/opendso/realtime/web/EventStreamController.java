package org.opendso.realtime.web;

import org.opendso.realtime.AccountEvent;
import org.opendso.security.CurrentStaff;
import org.opendso.web.ApiProblem;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * RSocket request-stream {@code customers.{account}.events}: data {@code {"from": seq}} resumes after that seq
 * (0: the whole history), no data or no {@code from} starts at the current end. Emits each event's JSON (the same
 * as the SSE data). The connection is authenticated (see security.RSocketSecurityConfig); an account the user may
 * not see is "Not found".
 */
@Controller
class EventStreamController {

    private final Feeds feeds;

    EventStreamController(Feeds feeds) {
        this.feeds = feeds;
    }

    record StreamRequest(Long from) {
    }

    @MessageMapping("customers.{account}.events")
    Flux<String> events(@DestinationVariable String account, @Payload(required = false) StreamRequest request) {
        return CurrentStaff.reactive()
                .switchIfEmpty(Mono.error(() -> new StreamRefused("Unauthenticated")))
                .flatMap(staff -> feeds.account(staff, account,
                        Feeds.seq(request == null || request.from() == null ? null : request.from().toString(), "from"), "from"))
                .flatMapMany(events -> events.map(AccountEvent::json))
                .onErrorMap(ApiProblem.class, p -> new StreamRefused(p.title() + ": " + p.getMessage()));
    }

    /** A refusal is the client's business, not an error of ours to log: it goes back as the stream's error. */
    @MessageExceptionHandler
    Flux<String> refused(StreamRefused refused) {
        return Flux.error(refused);
    }

    /** Sent to the requester as the stream's error (its message only). */
    static final class StreamRefused extends RuntimeException {
        StreamRefused(String message) {
            super(message, null, false, false);
        }
    }
}
