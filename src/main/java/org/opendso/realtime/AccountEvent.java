package org.opendso.realtime;

import java.time.Instant;

/**
 * One entry of an account's event log. {@code payload} is the JSON object of the change; {@code json} is the
 * whole event as streams send it, serialised once and shared by every subscriber.
 *
 * @param id       the event's key in the tenant-wide stream, which is read in commit order (see decision 0007)
 * @param seq      gap-free position in the account's log
 */
public record AccountEvent(
        long id,
        long tenantId,
        long customerId,
        String account,
        long seq,
        EventType type,
        String payload,
        Long actorId,
        String actorName,
        Instant createdAt,
        String json) {

    /** The id of this event in the tenant-wide stream: {@code account:seq}. */
    public String tenantStreamId() {
        return account + ":" + seq;
    }
}
