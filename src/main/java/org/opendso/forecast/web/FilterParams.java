package org.opendso.forecast.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opendso.customer.Customers;
import org.opendso.report.ReportCurrencies;
import org.opendso.report.ReportFilter;
import org.opendso.scenario.Scenarios;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;
import org.opendso.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The report filter of a request: {@code collector} and {@code salesManager} (logins), {@code scenario} (name or
 * id), {@code currency} and {@code customer} (account). A value the company does not know is a 422 problem naming
 * the parameter. Public only for the cash receipts and credit risk endpoints; {@code report.web.ReportParams} does
 * the same for the other reports, and the two are to become one.
 */
@Component
public class FilterParams {

    static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    private final Users users;
    private final Scenarios scenarios;
    private final ReportCurrencies currencies;
    private final Customers customers;

    FilterParams(Users users, Scenarios scenarios, ReportCurrencies currencies, Customers customers) {
        this.customers = customers;
        this.users = users;
        this.scenarios = scenarios;
        this.currencies = currencies;
    }

    public static ApiProblem unknown(String parameter, String detail) {
        return new ApiProblem(UNPROCESSABLE, "Unknown filter value", detail).with("field", parameter);
    }

    /** The filter the request's parameters describe. */
    public Mono<ReportFilter> filter(Staff staff, ServerRequest request) {
        Optional<String> collector = param(request, "collector");
        Optional<String> salesManager = param(request, "salesManager");
        Optional<String> scenario = param(request, "scenario");
        Optional<String> currency = param(request, "currency");
        Optional<String> customer = param(request, "customer");
        Mono<List<StaffUser>> colleagues = collector.isPresent() || salesManager.isPresent()
                ? users.of(staff).collectList() : Mono.just(List.of());
        Mono<Optional<Long>> scenarioId = scenario.map(s -> scenarios.all(staff.tenantId())
                        .filter(x -> x.name().equalsIgnoreCase(s) || Long.toString(x.id()).equals(s))
                        .next().map(x -> Optional.of(x.id()))
                        .switchIfEmpty(Mono.error(() -> unknown("scenario", "No scenario '" + s + "' in this company"))))
                .orElse(Mono.just(Optional.empty()));
        Mono<Optional<String>> currencyCode = currency.map(c -> currencies.of(staff.tenantId())
                        .filter(c.toUpperCase(Locale.ROOT)::equals).next().map(Optional::of)
                        .switchIfEmpty(Mono.error(() -> unknown("currency",
                                "'" + c + "' is not a currency of this company's customers"))))
                .orElse(Mono.just(Optional.empty()));
        // an account the user may not see is as unknown as one that does not exist
        Mono<Boolean> account = customer.map(a -> customers.find(staff, a).hasElement()
                        .filter(Boolean::booleanValue)
                        .switchIfEmpty(Mono.error(() -> unknown("customer", "No customer account '" + a + "' for you"))))
                .orElse(Mono.just(true));
        return Mono.zip(colleagues, scenarioId, currencyCode, account).map(t -> new ReportFilter(
                collector.map(login -> user(t.getT1(), login, "collector", false)).orElse(null),
                salesManager.map(login -> user(t.getT1(), login, "salesManager", true)).orElse(null),
                t.getT2().orElse(null),
                t.getT3().orElse(null),
                customer.orElse(null)));
    }

    private static Long user(List<StaffUser> colleagues, String login, String parameter, boolean salesManager) {
        return colleagues.stream()
                .filter(u -> u.login().equalsIgnoreCase(login) && (u.role() == Role.SALES_MANAGER) == salesManager)
                .findFirst().map(StaffUser::id)
                .orElseThrow(() -> unknown(parameter, "No " + (salesManager ? "sales manager" : "collector")
                        + " with login '" + login + "' in this company"));
    }

    private static Optional<String> param(ServerRequest request, String name) {
        return request.queryParam(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** CSV when the path ends in {@code .csv} or the client accepts text/csv (and not JSON first). */
    public static boolean wantsCsv(ServerRequest request) {
        if (request.path().endsWith(".csv")) {
            return true;
        }
        List<MediaType> accept = request.headers().accept();
        // a wildcard (a browser, curl) means JSON; only an explicit text/csv first asks for CSV
        return !accept.isEmpty() && accept.getFirst().equalsTypeAndSubtype(MediaType.parseMediaType("text/csv"));
    }

    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
}
