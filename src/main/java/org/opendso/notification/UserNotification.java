package org.opendso.notification;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One notification of a user; {@code params} holds what its text needs (status, items, kind, due date). */
public record UserNotification(
        long id,
        NotificationKind kind,
        long customerId,
        String account,
        String customerName,
        Long actionId,
        JsonNode params,
        String actorName,
        Instant createdAt,
        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
