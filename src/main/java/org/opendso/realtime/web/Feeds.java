package org.opendso.realtime.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendso.customer.Customers;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.security.Staff;
import org.opendso.web.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens event streams for a staff member, the same way for SSE and RSocket: the account must be visible to them,
 * a resume position must be one they can have seen, and without one the stream starts at the current end (live
 * only: a client that wants history asks for it with {@code from=0}). Failures are {@link ApiProblem}s naming the
 * field at fault.
 */
@Component
class Feeds {

    /** How long a tenant-stream subscriber's answer "may I see this account?" is reused. */
    static final Duration VISIBILITY_TTL = Duration.ofSeconds(30);

    private final Customers customers;
    private final EventStreams streams;

    Feeds(Customers customers, EventStreams streams) {
        this.customers = customers;
        this.streams = streams;
    }

    /** Events of a visible account after {@code from} (null: from now on). */
    Mono<Flux<AccountEvent>> account(Staff staff, String account, Long from, String field) {
        return customers.find(staff, account)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No customer account '" + account + "' for you")))
                .flatMap(customer -> streams.head(staff.tenantId(), customer.id()).flatMap(head -> {
                    if (from != null && from > head) {
                        return Mono.error(ApiProblem.badField(field, "'" + field + "' is after the account's last event ("
                                + head + ")"));
                    }
                    return Mono.just(streams.account(staff.tenantId(), customer.id(), from == null ? head : from));
                }));
    }

    /** Events of the staff member's tenant after the event {@code from} ({@code account:seq}; null: from now on). */
    Mono<Flux<AccountEvent>> tenant(Staff staff, String from, String field) {
        Mono<Long> start = from == null ? streams.tenantHead(staff.tenantId()) : position(staff, from, field);
        return start.map(after -> {
            Flux<AccountEvent> events = streams.tenant(staff.tenantId(), after, e -> true);
            // an admin sees every account; anyone else is asked, account by account, through the one visibility rule
            return staff.isAdmin() ? events : events.filterWhen(new Visible(staff)::test);
        });
    }

    /**
     * A position in the tenant stream. It may name an account the staff member no longer sees (assignments
     * change while a client is away); it is only a place in the log, and events are still filtered.
     */
    private Mono<Long> position(Staff staff, String from, String field) {
        int colon = from.lastIndexOf(':');
        long seq;
        try {
            seq = colon <= 0 ? -1 : Long.parseLong(from.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
            seq = -1;
        }
        if (seq < 1) {
            return Mono.error(ApiProblem.badField(field,
                    "'" + field + "' must be the id of an event of this stream, account:seq (e.g. DEMO-001:12), got '"
                            + from + "'"));
        }
        return streams.tenantPosition(staff.tenantId(), from.substring(0, colon), seq)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField(field, "No event '" + from + "' in your company's stream")));
    }

    /** Parses an account-stream position: a seq, 0 for the whole history. */
    static Long seq(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(raw.strip());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badField(field, "'" + field + "' must be the seq of an event (0 for the whole history), got '"
                + raw + "'");
    }

    /** One subscriber's memory of which accounts it may see, each answer kept for {@link #VISIBILITY_TTL}. */
    private final class Visible {

        private static final int REMEMBERED = 10_000;

        private final Staff staff;
        private final Map<Long, Answer> answers = new ConcurrentHashMap<>();

        Visible(Staff staff) {
            this.staff = staff;
        }

        private record Answer(boolean visible, long until) {
        }

        Mono<Boolean> test(AccountEvent event) {
            long now = System.nanoTime();
            Answer answer = answers.get(event.customerId());
            if (answer != null && now - answer.until() < 0) {
                return Mono.just(answer.visible());
            }
            return customers.find(staff, event.customerId()).hasElement().doOnNext(visible -> {
                if (answers.size() >= REMEMBERED) {
                    answers.clear();
                }
                answers.put(event.customerId(), new Answer(visible, now + VISIBILITY_TTL.toNanos()));
            });
        }
    }
}
