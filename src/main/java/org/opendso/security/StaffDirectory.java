package org.opendso.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds staff by login or by personal API token. Logins are global (the login form asks no company). */
@Component
class StaffDirectory implements ReactiveUserDetailsService {

    private static final String SELECT = """
            select u.id, u.tenant_id, u.login, u.name, u.role, u.locale, u.password_hash, u.enabled
            from app_user u""";

    private final DatabaseClient db;

    StaffDirectory(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<UserDetails> findByUsername(String login) {
        return db.sql(SELECT + " where lower(u.login) = lower(:login)")
                .bind("login", login)
                .map((row, meta) -> principal(row))
                .one()
                .cast(UserDetails.class);
    }

    /** The enabled owner of a live (not revoked) API token, touching its last-use time. */
    Mono<StaffPrincipal> findByApiToken(String secret) {
        // the last-use time is touched at most once a minute: a script sending many requests with one token
        // must not queue them all on that token's row lock
        return db.sql("""
                        with owner as (
                            select t.id as token_id, t.last_used_at, u.id, u.tenant_id, u.login, u.name, u.role,
                                   u.locale, u.password_hash, u.enabled
                            from api_token t join app_user u on u.id = t.user_id
                            where t.token_hash = :hash and t.revoked_at is null and u.enabled),
                        touched as (
                            update api_token t set last_used_at = now() from owner o
                            where t.id = o.token_id
                              and (o.last_used_at is null or o.last_used_at < now() - interval '1 minute'))
                        select id, tenant_id, login, name, role, locale, password_hash, enabled from owner""")
                .bind("hash", sha256(secret))
                .map((row, meta) -> principal(row))
                .one();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StaffPrincipal principal(io.r2dbc.spi.Readable row) {
        Staff staff = new Staff(
                row.get("tenant_id", Long.class),
                row.get("id", Long.class),
                row.get("login", String.class),
                row.get("name", String.class),
                Role.valueOf(row.get("role", String.class)),
                row.get("locale", String.class));
        return new StaffPrincipal(staff, row.get("password_hash", String.class),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)));
    }
}
