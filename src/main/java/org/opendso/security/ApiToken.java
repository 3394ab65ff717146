package org.opendso.security;

import java.time.Instant;

/** A personal API token as listed (never its secret). */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
