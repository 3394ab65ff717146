package org.opendso.portal;

import java.time.Instant;

/**
 * A portal link as the customer sheet lists it (never its token: only the hash is stored). {@code contactName} is
 * null for a link to the account rather than to one of its contacts.
 */
public record PortalLink(long id, long customerId, Long contactId, String contactName, String contactEmail,
                         String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy,
                         Instant lastUsedAt) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    public State state(Instant now) {
        return revokedAt != null ? State.REVOKED : expiresAt.isAfter(now) ? State.ACTIVE : State.EXPIRED;
    }
}
