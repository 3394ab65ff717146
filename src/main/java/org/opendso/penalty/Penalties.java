package org.opendso.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The company's late-payment penalty settings, and the penalties of an account for other code (sheet, API,
 * templates' #PenaltyAmount / #IndemnityAmount). Everyone of the tenant reads them; only an administrator changes
 * them. The settings live on the tenant row, next to the rate and indemnity the company settings page edits.
 */
@Service
public class Penalties {

    static final BigDecimal MAX_RATE = BigDecimal.valueOf(100);
    static final BigDecimal MAX_INDEMNITY = BigDecimal.valueOf(1_000_000);
    static final BigDecimal MIN_ECB_RATE = BigDecimal.valueOf(-10);
    static final BigDecimal MAX_ECB_RATE = BigDecimal.valueOf(30);
    /** The ECB's first main refinancing rate took effect with the euro. */
    static final LocalDate FIRST_ECB_DATE = LocalDate.of(1999, 1, 1);

    private final DatabaseClient db;
    private final OpenItems items;

    Penalties(DatabaseClient db, OpenItems items) {
        this.db = db;
        this.items = items;
    }

    public Mono<PenaltySettings> settings(long tenantId) {
        Mono<EcbRates> rates = ecbRates(tenantId).collectList()
                .map(list -> {
                    Map<LocalDate, BigDecimal> byDate = new LinkedHashMap<>();
                    list.forEach(r -> byDate.put(r.effectiveDate(), r.ratePercent()));
                    return EcbRates.of(byDate);
                });
        return rates.flatMap(ecb -> db.sql("""
                        select penalties_enabled, penalty_rate_mode, penalty_rate, recovery_indemnity, version
                        from tenant where id = :tenant""")
                .bind("tenant", tenantId)
                .map((row, meta) -> new PenaltySettings(new PenaltyTerms(
                        Boolean.TRUE.equals(row.get("penalties_enabled", Boolean.class)),
                        PenaltyMode.valueOf(row.get("penalty_rate_mode", String.class)),
                        row.get("penalty_rate", BigDecimal.class),
                        row.get("recovery_indemnity", BigDecimal.class),
                        ecb), row.get("version", Long.class)))
                .one());
    }

    public Mono<PenaltyTerms> terms(long tenantId) {
        return settings(tenantId).map(PenaltySettings::terms);
    }

    /** The penalty and indemnity totals of an account's open items on {@code today}. */
    public Mono<Penalty> ofAccount(long tenantId, long customerId, LocalDate today) {
        return Mono.zip(terms(tenantId), items.ofCustomer(tenantId, customerId, ItemFilter.OPEN).collectList())
                .map(t -> new PenaltyCalculator(t.getT1()).total(t.getT2(), today));
    }

    /** The penalty totals of several accounts by customer id (accounts owing nothing are absent), in two queries. */
    public Mono<Map<Long, Penalty>> ofAccounts(long tenantId, java.util.Collection<Long> customerIds, LocalDate today) {
        return terms(tenantId).flatMap(terms -> {
            PenaltyCalculator calculator = new PenaltyCalculator(terms);
            return items.lateInvoices(tenantId, customerIds, today)
                    .collect(java.util.stream.Collectors.toMap(OpenItem::customerId, i -> calculator.of(i, today),
                            Penalty::plus));
        });
    }

    /** #PenaltyAmount for templates: the account's penalties on {@code today}, 0.00 when disabled. */
    public Mono<BigDecimal> penaltyAmount(long tenantId, long customerId, LocalDate today) {
        return ofAccount(tenantId, customerId, today).map(Penalty::penalty);
    }

    /** #IndemnityAmount for templates: the recovery indemnities of the account's late invoices. */
    public Mono<BigDecimal> indemnityAmount(long tenantId, long customerId, LocalDate today) {
        return ofAccount(tenantId, customerId, today).map(Penalty::indemnity);
    }

    /** The penalty of each item of a list (one settings read for all of them). */
    public Mono<List<Priced>> priced(long tenantId, List<OpenItem> list, LocalDate today) {
        return terms(tenantId).map(terms -> {
            PenaltyCalculator calculator = new PenaltyCalculator(terms);
            return list.stream().map(i -> new Priced(i, calculator.of(i, today))).toList();
        });
    }

    /** An item with its penalty. */
    public record Priced(OpenItem item, Penalty penalty) {
    }

    /**
     * The ECB rates the company's statutory penalty uses, oldest first: the published ones and the company's own
     * (which win on the same date), in one query.
     */
    public Flux<EcbRate> ecbRates(long tenantId) {
        return db.sql("""
                        select coalesce(t.effective_date, e.effective_date) as effective_date,
                               coalesce(t.rate, e.rate) as rate, e.rate as published, t.rate is not null as own
                        from ecb_rate e
                        full join (select effective_date, rate from tenant_ecb_rate where tenant_id = :tenant) t
                          on t.effective_date = e.effective_date
                        order by 1""")
                .bind("tenant", tenantId)
                .map((row, meta) -> new EcbRate(row.get("effective_date", LocalDate.class), row.get("rate", BigDecimal.class),
                        row.get("published", BigDecimal.class), Boolean.TRUE.equals(row.get("own", Boolean.class))))
                .all();
    }

    /** Why an ECB rate is refused, or null when the date and the rate are fine (lets a form check before it saves). */
    public static InvalidPenaltySettings invalidEcbRate(LocalDate date, BigDecimal ratePercent, LocalDate today) {
        if (date == null || date.isBefore(FIRST_ECB_DATE) || date.isAfter(today.plusYears(1))) {
            return new InvalidPenaltySettings("date", "The date an ECB rate takes effect is a day from "
                    + FIRST_ECB_DATE + " (the euro's first rate) to a year from today");
        }
        if (ratePercent == null || ratePercent.compareTo(MIN_ECB_RATE) < 0 || ratePercent.compareTo(MAX_ECB_RATE) > 0
                || ratePercent.stripTrailingZeros().scale() > 4) {
            return new InvalidPenaltySettings("ratePercent",
                    "The ECB rate is a percentage from -10 to 30 with at most 4 decimals (e.g. 2.15)");
        }
        return null;
    }

    /**
     * Records the company's ECB rate taking effect on {@code date} (a new one, or its own figure for a published
     * date); administrators only. Penalties are computed from the rates when read, so they follow at once.
     */
    public Mono<EcbRate> recordEcbRate(Staff admin, LocalDate date, BigDecimal ratePercent, LocalDate today) {
        if (admin.role() != Role.ADMIN) {
            return Mono.error(new AccessDeniedException("Only an administrator records ECB rates"));
        }
        InvalidPenaltySettings invalid = invalidEcbRate(date, ratePercent, today);
        if (invalid != null) {
            return Mono.error(invalid);
        }
        return db.sql("""
                        insert into tenant_ecb_rate (tenant_id, effective_date, rate, updated_by)
                        values (:tenant, :date, :rate, :user)
                        on conflict (tenant_id, effective_date)
                        do update set rate = excluded.rate, updated_by = excluded.updated_by, updated_at = now()""")
                .bind("tenant", admin.tenantId())
                .bind("date", date)
                .bind("rate", ratePercent)
                .bind("user", admin.userId())
                .fetch().rowsUpdated()
                .then(ecbRate(admin.tenantId(), date));
    }

    /**
     * Deletes the company's own ECB rate of {@code date}; administrators only. A published rate it replaced is in
     * force again; a published date the company never changed is {@link UnknownEcbRate}.
     */
    public Mono<Void> deleteEcbRate(Staff admin, LocalDate date) {
        if (admin.role() != Role.ADMIN) {
            return Mono.error(new AccessDeniedException("Only an administrator deletes ECB rates"));
        }
        return db.sql("delete from tenant_ecb_rate where tenant_id = :tenant and effective_date = :date")
                .bind("tenant", admin.tenantId())
                .bind("date", date)
                .fetch().rowsUpdated()
                .flatMap(n -> n > 0 ? Mono.<Void>empty() : ecbRate(admin.tenantId(), date).hasElement()
                        .flatMap(published -> Mono.error(new UnknownEcbRate(date, published))));
    }

    private Mono<EcbRate> ecbRate(long tenantId, LocalDate date) {
        return ecbRates(tenantId).filter(r -> r.effectiveDate().equals(date)).next();
    }

    /** Why a rate or an indemnity is refused, or null when both are fine (lets a form check before it saves). */
    public static InvalidPenaltySettings invalid(BigDecimal ratePercent, BigDecimal indemnity) {
        if (ratePercent == null || ratePercent.signum() < 0 || ratePercent.compareTo(MAX_RATE) > 0
                || ratePercent.stripTrailingZeros().scale() > 4) {
            return new InvalidPenaltySettings("annualRatePercent",
                    "The annual rate is a percentage from 0 to 100 with at most 4 decimals");
        }
        if (indemnity == null || indemnity.signum() < 0 || indemnity.compareTo(MAX_INDEMNITY) > 0
                || indemnity.stripTrailingZeros().scale() > 4) {
            return new InvalidPenaltySettings("fixedIndemnity",
                    "The recovery indemnity is an amount from 0 to 1,000,000 with at most 4 decimals");
        }
        return null;
    }

    /** Changes the admin's own company's penalty settings; a stale version fails instead of overwriting. */
    public Mono<PenaltySettings> update(Staff admin, PenaltyChange change) {
        if (admin.role() != Role.ADMIN) {
            return Mono.error(new AccessDeniedException("Only an administrator changes the penalty settings"));
        }
        return settings(admin.tenantId()).flatMap(current -> {
            PenaltyTerms now = current.terms();
            BigDecimal rate = change.fixedRatePercent() == null ? now.fixedRatePercent() : change.fixedRatePercent();
            BigDecimal indemnity = change.fixedIndemnity() == null ? now.fixedIndemnity() : change.fixedIndemnity();
            InvalidPenaltySettings invalid = invalid(rate, indemnity);
            if (invalid != null) {
                return Mono.error(invalid);
            }
            long version = change.version() == null ? current.version() : change.version();
            return db.sql("""
                            update tenant set penalties_enabled = :enabled, penalty_rate_mode = :mode,
                                   penalty_rate = :rate, recovery_indemnity = :indemnity, version = version + 1
                            where id = :tenant and version = :version""")
                    .bind("tenant", admin.tenantId())
                    .bind("version", version)
                    .bind("enabled", change.enabled() == null ? now.enabled() : change.enabled())
                    .bind("mode", (change.mode() == null ? now.mode() : change.mode()).name())
                    .bind("rate", rate)
                    .bind("indemnity", indemnity)
                    .fetch().rowsUpdated()
                    .flatMap(n -> n == 1 ? settings(admin.tenantId())
                            : Mono.error(new OptimisticLockingFailureException(
                                    "The company settings were changed by someone else meanwhile; reload them.")));
        });
    }
}
