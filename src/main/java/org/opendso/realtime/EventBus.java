package org.opendso.realtime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries committed events and presence signals between application instances. Delivery is best effort:
 * a subscriber may miss an event (reconnection, lag), which is why {@link EventStreams} checks each account's
 * seq and reads gaps from the table. The one implementation uses PostgreSQL LISTEN/NOTIFY; this interface is the
 * seam for NATS JetStream or logical replication later.
 */
public interface EventBus {

    /** Live events of one account, from now on. */
    Flux<AccountEvent> account(long customerId);

    /** Live events of a whole tenant, from now on. */
    Flux<AccountEvent> tenant(long tenantId);

    /** Emits each time the bus (re)connects, after which missed events must be read from the table. */
    Flux<Long> reconnections();

    /** Sends an ephemeral message to every instance (presence); nothing is stored. */
    Mono<Void> broadcast(String message);

    /** Ephemeral messages from every instance, this one included. */
    Flux<String> broadcasts();
}
