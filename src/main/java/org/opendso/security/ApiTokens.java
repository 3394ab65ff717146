package org.opendso.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Personal API tokens of a staff member: created and revoked by their owner, stored hashed. */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;

    ApiTokens(DatabaseClient db) {
        this.db = db;
    }

    public Flux<ApiToken> of(Staff owner) {
        return db.sql("""
                        select id, name, token_prefix, created_at, last_used_at, revoked_at from api_token
                        where tenant_id = :tenant and user_id = :user order by created_at desc""")
                .bind("tenant", owner.tenantId())
                .bind("user", owner.userId())
                .map((row, meta) -> new ApiToken(
                        row.get("id", Long.class),
                        row.get("name", String.class),
                        row.get("token_prefix", String.class),
                        instant(row.get("created_at", OffsetDateTime.class)),
                        instant(row.get("last_used_at", OffsetDateTime.class)),
                        instant(row.get("revoked_at", OffsetDateTime.class))))
                .all();
    }

    public Mono<IssuedApiToken> create(Staff owner, String name) {
        if (name == null || name.isBlank()) {
            return Mono.error(new IllegalArgumentException("Give the token a name, e.g. the program that uses it"));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "odso_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return db.sql("""
                        insert into api_token (tenant_id, user_id, name, token_hash, token_prefix)
                        values (:tenant, :user, :name, :hash, :prefix) returning id""")
                .bind("tenant", owner.tenantId())
                .bind("user", owner.userId())
                .bind("name", name.strip())
                .bind("hash", StaffDirectory.sha256(secret))
                .bind("prefix", secret.substring(0, 10))
                .map((row, meta) -> row.get("id", Long.class))
                .one()
                .map(id -> new IssuedApiToken(id, name.strip(), secret));
    }

    public Mono<Boolean> revoke(Staff owner, long tokenId) {
        return db.sql("""
                        update api_token set revoked_at = now()
                        where id = :id and tenant_id = :tenant and user_id = :user and revoked_at is null""")
                .bind("id", tokenId)
                .bind("tenant", owner.tenantId())
                .bind("user", owner.userId())
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
