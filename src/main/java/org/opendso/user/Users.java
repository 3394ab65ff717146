package org.opendso.user;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff accounts of a tenant. Administrators create, disable and reset; everyone lists their colleagues. */
@Service
public class Users {

    private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9._@-]{2,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DatabaseClient db;
    private final PasswordEncoder encoder;

    Users(DatabaseClient db, PasswordEncoder encoder) {
        this.db = db;
        this.encoder = encoder;
    }

    public Flux<StaffUser> of(Staff staff) {
        return db.sql("""
                        select id, login, name, email, role, locale, enabled, version from app_user
                        where tenant_id = :tenant order by lower(name)""")
                .bind("tenant", staff.tenantId())
                .map((row, meta) -> new StaffUser(
                        row.get("id", Long.class),
                        row.get("login", String.class),
                        row.get("name", String.class),
                        row.get("email", String.class),
                        Role.valueOf(row.get("role", String.class)),
                        row.get("locale", String.class),
                        Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                        row.get("version", Long.class)))
                .all();
    }

    public Flux<StaffUser> withRole(Staff staff, Role role) {
        return of(staff).filter(u -> u.role() == role && u.enabled());
    }

    public Mono<Long> create(Staff admin, NewStaffUser user) {
        return requireAdmin(admin).then(Mono.defer(() -> insert(admin.tenantId(), user)));
    }

    /** Creates a user without an acting admin: first start and demo data only. */
    public Mono<Long> bootstrap(long tenantId, NewStaffUser user) {
        return insert(tenantId, user);
    }

    public Mono<Void> setEnabled(Staff admin, long userId, boolean enabled) {
        if (admin.userId() == userId && !enabled) {
            return Mono.error(new IllegalArgumentException("You cannot disable your own account"));
        }
        return requireAdmin(admin).then(db.sql(
                        "update app_user set enabled = :enabled, version = version + 1 where id = :id and tenant_id = :tenant")
                .bind("enabled", enabled).bind("id", userId).bind("tenant", admin.tenantId())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.<Void>empty() : Mono.error(new IllegalArgumentException("Unknown user"))));
    }

    /** Sets a new password (given, or generated and returned so the admin can pass it on). */
    public Mono<String> resetPassword(Staff admin, long userId, String newPassword) {
        String password = newPassword == null || newPassword.isBlank() ? randomPassword() : newPassword;
        if (password.length() < 4) {
            return Mono.error(new IllegalArgumentException("A password needs at least 4 characters"));
        }
        return requireAdmin(admin).then(db.sql(
                        "update app_user set password_hash = :hash, version = version + 1 where id = :id and tenant_id = :tenant")
                .bind("hash", encoder.encode(password)).bind("id", userId).bind("tenant", admin.tenantId())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.just(password) : Mono.error(new IllegalArgumentException("Unknown user"))));
    }

    /** A user's own language choice. */
    public Mono<Void> setLocale(Staff self, String locale) {
        return db.sql("update app_user set locale = :locale where id = :id and tenant_id = :tenant")
                .bind("locale", "fr".equals(locale) ? "fr" : "en").bind("id", self.userId()).bind("tenant", self.tenantId())
                .then();
    }

    public static String randomPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private Mono<Long> insert(long tenantId, NewStaffUser user) {
        if (user.login() == null || !LOGIN.matcher(user.login()).matches()) {
            return Mono.error(new IllegalArgumentException(
                    "A login has 2 to 64 letters, digits or . _ @ -"));
        }
        if (user.name() == null || user.name().isBlank()) {
            return Mono.error(new IllegalArgumentException("A user needs a name"));
        }
        if (user.password() == null || user.password().length() < 4) {
            return Mono.error(new IllegalArgumentException("A password needs at least 4 characters"));
        }
        return db.sql("""
                        insert into app_user (tenant_id, login, name, email, password_hash, role, locale)
                        values (:tenant, :login, :name, :email, :hash, :role, :locale) returning id""")
                .bind("tenant", tenantId)
                .bind("login", user.login().toLowerCase(Locale.ROOT))
                .bind("name", user.name().strip())
                .bind("email", user.email() == null ? "" : user.email().strip())
                .bind("hash", encoder.encode(user.password()))
                .bind("role", (user.role() == null ? Role.COLLECTOR : user.role()).name())
                .bind("locale", "fr".equals(user.locale()) ? "fr" : "en")
                .map((row, meta) -> row.get("id", Long.class))
                .one()
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new IllegalArgumentException("The login '" + user.login() + "' is already taken"));
    }

    private static Mono<Void> requireAdmin(Staff staff) {
        return staff.role() == Role.ADMIN ? Mono.empty()
                : Mono.error(new AccessDeniedException("Only an administrator manages users"));
    }
}
