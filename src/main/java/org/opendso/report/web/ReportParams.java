package org.opendso.report.web;

import java.util.Locale;
import org.opendso.report.ReportCurrencies;
import org.opendso.report.ReportFilter;
import org.opendso.security.Staff;
import org.opendso.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The {@link ReportFilter} of a report request, from its query parameters: {@code collector} and {@code
 * salesManager} (logins), {@code scenario} (name or id), {@code currency} (one of the company's report currencies;
 * none: the main one) and {@code customer} (an account the caller sees). A value that names nothing is a 422
 * problem detail naming the parameter; an account the caller may not see is unknown to them too.
 */
@Component
public class ReportParams {

    private final DatabaseClient db;
    private final ReportCurrencies currencies;

    ReportParams(DatabaseClient db, ReportCurrencies currencies) {
        this.db = db;
        this.currencies = currencies;
    }

    /** CSV for the report's {@code .csv} path or an explicit {@code Accept: text/csv}; a wildcard means JSON. */
    public static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    public static boolean wantsCsv(ServerRequest request) {
        return request.path().endsWith(".csv")
                || request.headers().accept().stream().anyMatch(m -> m.isCompatibleWith(CSV) && !m.isWildcardType());
    }

    public Mono<ReportFilter> filter(ServerRequest request, Staff staff) {
        Mono<Long> collector = user(staff, request, "collector", "role <> 'SALES_MANAGER'");
        Mono<Long> salesManager = user(staff, request, "salesManager", "role = 'SALES_MANAGER'");
        Mono<Long> scenario = scenario(staff, request);
        Mono<String> currency = currency(staff, request);
        Mono<String> customer = customer(staff, request);
        return Mono.zip(collector.map(Holder::of).defaultIfEmpty(Holder.none()),
                        salesManager.map(Holder::of).defaultIfEmpty(Holder.none()),
                        scenario.map(Holder::of).defaultIfEmpty(Holder.none()),
                        currency, customer.map(Holder::of).defaultIfEmpty(Holder.none()))
                .map(t -> new ReportFilter(t.getT1().value(), t.getT2().value(), t.getT3().value(), t.getT4(),
                        t.getT5().value()));
    }

    /** A value that may be absent, inside a zip. */
    private record Holder<T>(T value) {
        static <T> Holder<T> of(T value) {
            return new Holder<>(value);
        }

        static <T> Holder<T> none() {
            return new Holder<>(null);
        }
    }

    static ApiProblem unknown(String parameter, String value, String what) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown filter value",
                "'" + parameter + "': no " + what + " '" + value + "'")
                .with("field", parameter).with("rejected", value);
    }

    private static String param(ServerRequest request, String name) {
        return request.queryParam(name).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    private Mono<Long> user(Staff staff, ServerRequest request, String name, String role) {
        String login = param(request, name);
        if (login == null) {
            return Mono.empty();
        }
        return db.sql("select id from app_user where tenant_id = :tenant and lower(login) = lower(:login) and " + role)
                .bind("tenant", staff.tenantId()).bind("login", login)
                .map((row, meta) -> row.get("id", Long.class)).one()
                .switchIfEmpty(Mono.error(() -> unknown(name, login,
                        name.equals("collector") ? "collector of this company" : "sales manager of this company")));
    }

    private Mono<Long> scenario(Staff staff, ServerRequest request) {
        String value = param(request, "scenario");
        if (value == null) {
            return Mono.empty();
        }
        Long id = value.chars().allMatch(Character::isDigit) && value.length() < 18 ? Long.valueOf(value) : null;
        return db.sql("select id from scenario where tenant_id = :tenant and (lower(name) = lower(:name) or id = :id)"
                        + " order by lower(name) = lower(:name) desc limit 1")
                .bind("tenant", staff.tenantId()).bind("name", value).bind("id", id == null ? -1L : id)
                .map((row, meta) -> row.get("id", Long.class)).one()
                .switchIfEmpty(Mono.error(() -> unknown("scenario", value, "scenario")));
    }

    private Mono<String> currency(Staff staff, ServerRequest request) {
        String value = param(request, "currency");
        if (value == null) {
            return currencies.main(staff.tenantId());
        }
        String code = value.toUpperCase(Locale.ROOT);
        return currencies.of(staff.tenantId()).filter(code::equals).next()
                .switchIfEmpty(Mono.error(() -> unknown("currency", value, "report currency of this company")));
    }

    private Mono<String> customer(Staff staff, ServerRequest request) {
        String value = param(request, "customer");
        if (value == null) {
            return Mono.empty();
        }
        return org.opendso.customer.Visibility.bind(db.sql("select c.account from customer c where lower(c.account) = lower(:account) and "
                                + org.opendso.customer.Visibility.CONDITION), staff)
                .bind("account", value)
                .map((row, meta) -> row.get("account", String.class)).one()
                .switchIfEmpty(Mono.error(() -> unknown("customer", value, "customer account you may see")));
    }
}
