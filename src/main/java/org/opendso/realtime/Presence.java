package org.opendso.realtime;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.opendso.security.Staff;
import reactor.core.publisher.Flux;

/**
 * Who is looking at which account, across instances: ephemeral messages over the {@link EventBus} with a
 * heartbeat and expiry, never stored in a table. (Being implemented: see the presence helper's branch.)
 */
@org.springframework.stereotype.Service
public class Presence {

    /**
     * Announces the staff member on the account until the session is closed or {@code alive} turns false
     * (e.g. the browser tab's push connection closed); the caller closes the session when its view detaches.
     */
    public PresenceSession join(Staff staff, long customerId, BooleanSupplier alive) {
        throw new UnsupportedOperationException("presence is being implemented");
    }

    /** The current viewers of the account, emitted again on every change (arrival, departure, qualifying). */
    public Flux<List<Viewer>> viewers(long tenantId, long customerId) {
        return Flux.error(new UnsupportedOperationException("presence is being implemented"));
    }
}
