package org.opendso.tenant;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads and changes a tenant's company settings; only an administrator changes them. */
@Service
public class Companies {

    private static final Set<String> LANGUAGES = Set.of("en", "fr");

    private final DatabaseClient db;

    Companies(DatabaseClient db) {
        this.db = db;
    }

    public Mono<CompanySettings> settings(long tenantId) {
        return db.sql("""
                        select id, name, address, postal_code, city, country, main_currency, penalty_rate,
                               recovery_indemnity, language, collectors_see_all, logo is not null as has_logo, version
                        from tenant where id = :id""")
                .bind("id", tenantId)
                .map((row, meta) -> new CompanySettings(
                        row.get("id", Long.class),
                        row.get("name", String.class),
                        row.get("address", String.class),
                        row.get("postal_code", String.class),
                        row.get("city", String.class),
                        row.get("country", String.class),
                        row.get("main_currency", String.class).strip(),
                        row.get("penalty_rate", BigDecimal.class),
                        row.get("recovery_indemnity", BigDecimal.class),
                        row.get("language", String.class),
                        Boolean.TRUE.equals(row.get("collectors_see_all", Boolean.class)),
                        Boolean.TRUE.equals(row.get("has_logo", Boolean.class)),
                        row.get("version", Long.class)))
                .one();
    }

    /** Saves the settings of the admin's own tenant; a stale version fails instead of overwriting. */
    public Mono<CompanySettings> update(Staff admin, CompanySettings s) {
        if (admin.role() != Role.ADMIN) {
            return Mono.error(new AccessDeniedException("Only an administrator changes the company settings"));
        }
        if (s.name() == null || s.name().isBlank()) {
            return Mono.error(new IllegalArgumentException("The company needs a name"));
        }
        if (!LANGUAGES.contains(s.language())) {
            return Mono.error(new IllegalArgumentException("Language must be en or fr"));
        }
        try {
            Currency.getInstance(s.mainCurrency());
        } catch (RuntimeException e) {
            return Mono.error(new IllegalArgumentException("Unknown currency: " + s.mainCurrency()));
        }
        if (s.penaltyRate() == null || s.penaltyRate().signum() < 0
                || s.recoveryIndemnity() == null || s.recoveryIndemnity().signum() < 0) {
            return Mono.error(new IllegalArgumentException("Penalty rate and indemnity must be zero or more"));
        }
        return db.sql("""
                        update tenant set name = :name, address = :address, postal_code = :postalCode, city = :city,
                               country = :country, main_currency = :currency, penalty_rate = :rate,
                               recovery_indemnity = :indemnity, language = :language,
                               collectors_see_all = :seeAll, version = version + 1
                        where id = :id and version = :version""")
                .bind("id", admin.tenantId())
                .bind("version", s.version())
                .bind("name", s.name().strip())
                .bind("address", nz(s.address()))
                .bind("postalCode", nz(s.postalCode()))
                .bind("city", nz(s.city()))
                .bind("country", nz(s.country()))
                .bind("currency", s.mainCurrency())
                .bind("rate", s.penaltyRate())
                .bind("indemnity", s.recoveryIndemnity())
                .bind("language", s.language())
                .bind("seeAll", s.collectorsSeeAll())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? settings(admin.tenantId())
                        : Mono.error(new OptimisticLockingFailureException(
                                "The settings were changed by someone else meanwhile; reload them.")));
    }

    public Mono<Void> saveLogo(Staff admin, Logo logo) {
        if (admin.role() != Role.ADMIN) {
            return Mono.error(new AccessDeniedException("Only an administrator changes the logo"));
        }
        return db.sql("update tenant set logo = :logo, logo_content_type = :type, version = version + 1 where id = :id")
                .bind("id", admin.tenantId())
                .bind("logo", java.nio.ByteBuffer.wrap(logo.bytes()))
                .bind("type", logo.contentType())
                .then();
    }

    public Mono<Logo> logo(long tenantId) {
        return db.sql("select logo, logo_content_type from tenant where id = :id and logo is not null")
                .bind("id", tenantId)
                .map((row, meta) -> {
                    java.nio.ByteBuffer buffer = row.get("logo", java.nio.ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return new Logo(bytes, row.get("logo_content_type", String.class));
                })
                .one();
    }

    /** Creates a tenant (demo data, first start, tests) and returns its id. */
    public Mono<Long> create(String name, String mainCurrency, String language) {
        return db.sql("insert into tenant (name, main_currency, language) values (:name, :currency, :language) returning id")
                .bind("name", name)
                .bind("currency", mainCurrency)
                .bind("language", language)
                .map((row, meta) -> row.get("id", Long.class))
                .one();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
