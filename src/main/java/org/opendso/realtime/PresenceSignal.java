package org.opendso.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One presence message on the bus, in its compact wire form: {@code k} the kind ({@value #HERE}, {@value #LEFT},
 * {@value #WHO}), {@code t}/{@code c} tenant and customer, {@code s} the session, {@code u}/{@code n} the user,
 * {@code q} the item numbers being qualified, {@code ttl} how long the sender vouches for the session without a
 * new heartbeat, {@code v} the session's announcement counter (NOTIFYs sent over different pooled connections
 * may arrive out of order; a receiver keeps the highest).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PresenceSignal(String k, long t, long c, String s, Long u, String n, List<String> q, Long ttl, Long v) {

    static final String HERE = "here";
    static final String LEFT = "left";
    static final String WHO = "who";

    /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clear of it with some margin. */
    static final int MAX_BYTES = 7_500;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static PresenceSignal here(Presence.AccountKey key, String session, long userId, String name,
                               List<String> qualifying, long ttlMillis, long version) {
        return new PresenceSignal(HERE, key.tenantId(), key.customerId(), session, userId, name, qualifying,
                ttlMillis, version);
    }

    static PresenceSignal left(Presence.AccountKey key, String session, long version) {
        return new PresenceSignal(LEFT, key.tenantId(), key.customerId(), session, null, null, null, null, version);
    }

    static PresenceSignal who(Presence.AccountKey key) {
        return new PresenceSignal(WHO, key.tenantId(), key.customerId(), null, null, null, null, null, null);
    }

    Presence.AccountKey key() {
        return new Presence.AccountKey(t, c);
    }

    List<String> qualifying() {
        return q == null ? List.of() : q;
    }

    /**
     * The JSON to send. A selection of hundreds of items would not fit in one NOTIFY: the list is then cut (the
     * others see fewer marked rows, never a lost heartbeat).
     */
    String json() {
        String json = MAPPER.writeValueAsString(this);
        List<String> items = qualifying();
        while (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES && !items.isEmpty()) {
            items = items.subList(0, items.size() * 3 / 4);
            json = MAPPER.writeValueAsString(new PresenceSignal(k, t, c, s, u, n, items, ttl, v));
        }
        return json;
    }

    /** The signal, or empty for a message that is not one (another feature's broadcast, a newer format). */
    static Optional<PresenceSignal> parse(String json) {
        try {
            PresenceSignal signal = MAPPER.readValue(json, PresenceSignal.class);
            boolean known = HERE.equals(signal.k) && signal.s != null && signal.u != null
                    || LEFT.equals(signal.k) && signal.s != null
                    || WHO.equals(signal.k);
            return known ? Optional.of(signal) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
