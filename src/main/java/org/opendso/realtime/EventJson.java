package org.opendso.realtime;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/** The wire form of an event: what SSE and RSocket subscribers receive as data. */
final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    record Wire(String account, long seq, EventType type, String actor, Long actorId, Instant at,
                @JsonRawValue String payload) {
    }

    private EventJson() {
    }

    static AccountEvent event(long id, long tenantId, long customerId, String account, long seq, EventType type,
                              String payload, Long actorId, String actorName, Instant at) {
        String json = MAPPER.writeValueAsString(new Wire(account, seq, type, actorName, actorId, at, payload));
        return new AccountEvent(id, tenantId, customerId, account, seq, type, payload, actorId, actorName, at, json);
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static tools.jackson.databind.JsonNode read(String json) {
        return MAPPER.readTree(json);
    }
}
