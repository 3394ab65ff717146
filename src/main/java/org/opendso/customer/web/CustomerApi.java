package org.opendso.customer.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.opendso.alert.Alerts;
import org.opendso.customer.Assignee;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.CustomerQuery;
import org.opendso.customer.CustomerRow;
import org.opendso.customer.Customers;
import org.opendso.customer.InvalidCreditLimit;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItems;
import org.opendso.item.web.ItemJson;
import org.opendso.penalty.Penalties;
import org.opendso.penalty.Penalty;
import org.opendso.scenario.AccountScenario;
import org.opendso.scenario.Scenarios;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.web.ApiProblem;
import org.opendso.web.QueryParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Read API of customers and their items: {@code /api/v1/customers...}. */
@Configuration
class CustomerApi {

    private final Customers customers;
    private final Contacts contacts;
    private final OpenItems items;
    private final Penalties penalties;
    private final Scenarios scenarios;
    private final Alerts alerts;

    CustomerApi(Customers customers, Contacts contacts, OpenItems items, Penalties penalties, Scenarios scenarios,
                Alerts alerts) {
        this.alerts = alerts;
        this.customers = customers;
        this.contacts = contacts;
        this.items = items;
        this.penalties = penalties;
        this.scenarios = scenarios;
    }

    @Bean
    RouterFunction<ServerResponse> customerRoutes() {
        return RouterFunctions.route()
                .GET("/v1/customers", this::list)
                .GET("/v1/customers/{account}", this::one)
                .GET("/v1/customers/{account}/items", this::items)
                .GET("/v1/customers/{account}/contacts", this::contacts)
                .PUT("/v1/customers/{account}/credit-limit", this::creditLimit)
                .build();
    }

    record CustomerJson(String account, String name, String address, String postalCode, String city, String country,
                        String currency, String email, String phone, BigDecimal balance, BigDecimal overdue,
                        int openItems, LocalDate oldestOverdueDueDate, long oldestOverdueDays,
                        BigDecimal penaltyTotal, BigDecimal indemnityTotal,
                        List<AssigneeJson> collectors, List<AssigneeJson> salesManagers, ScenarioJson scenario,
                        long version, long openAlerts, BigDecimal creditLimit) {
    }

    /** {@code default}: the account has no scenario of its own and follows the company's default. */
    record ScenarioJson(long id, String name, @com.fasterxml.jackson.annotation.JsonProperty("default") boolean followsDefault) {
    }

    record AssigneeJson(String login, String name) {
    }

    record CreditLimitJson(String account, String creditLimit, String currency, long version) {
    }

    record CustomerLine(String account, String name, String city, String currency, BigDecimal balance,
                        BigDecimal overdue, int openItems, LocalDate oldestOverdueDueDate, long oldestOverdueDays,
                        BigDecimal penaltyTotal, BigDecimal indemnityTotal, long openAlerts) {
    }

    record Page<T>(List<T> content, int page, int size, long total) {
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        int page = QueryParams.integer(request, "page", 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer(request, "size", 50, 1, 500);
        CustomerQuery.Sort sort = request.queryParam("sort").map(s -> QueryParams.oneOf("sort", s, CustomerQuery.Sort.class))
                .orElse(CustomerQuery.Sort.ACCOUNT);
        boolean desc = request.queryParam("direction").map("desc"::equalsIgnoreCase).orElse(false);
        boolean overdue = request.queryParam("overdue").map(Boolean::parseBoolean).orElse(false);
        CustomerQuery query = new CustomerQuery(request.queryParam("query").orElse(null), null, null, overdue,
                sort, desc, page * size, size);
        LocalDate today = LocalDate.now();
        // the page's penalties in one read of its late invoices, and its alerts in one more, not one per account
        return CurrentStaff.reactive().flatMap(staff -> Mono.zip(
                        customers.search(staff, query).collectList()
                                .flatMap(rows -> Mono.zip(penalties.ofAccounts(staff.tenantId(),
                                                        rows.stream().map(CustomerRow::id).toList(), today),
                                                alerts.openOf(staff, rows.stream().map(CustomerRow::id).toList()))
                                        .map(byId -> rows.stream().map(r -> line(r,
                                                byId.getT1().getOrDefault(r.id(), Penalty.NONE), today,
                                                byId.getT2().getOrDefault(r.id(), List.of()).size())).toList())),
                        customers.count(staff, query)))
                .flatMap(t -> ServerResponse.ok().bodyValue(new Page<>(t.getT1(), page, size, t.getT2())));
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        LocalDate today = LocalDate.now();
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request)
                .flatMap(c -> Mono.zip(penalties.ofAccount(staff.tenantId(), c.id(), today),
                                scenarios.ofCustomer(staff.tenantId(), c.id())
                                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                                alerts.openOf(staff, c.id()).count())
                        .flatMap(t -> ServerResponse.ok().bodyValue(json(c, t.getT1(), t.getT2().orElse(null), today,
                                t.getT3())))));
    }

    private Mono<ServerResponse> items(ServerRequest request) {
        ItemFilter filter = QueryParams.oneOf("status", request.queryParam("status").orElse("open"), ItemFilter.class);
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request)
                .flatMap(c -> items.ofCustomer(staff.tenantId(), c.id(), filter).collectList())
                .flatMap(list -> penalties.priced(staff.tenantId(), list, LocalDate.now()))
                .map(priced -> priced.stream().map(p -> ItemJson.of(p.item(), p.penalty().penalty(),
                        p.penalty().indemnity())).toList())
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    /** {@code {"creditLimit": "50000.00"}} (a string or a number), or {@code null} to remove it. */
    private Mono<ServerResponse> creditLimit(ServerRequest request) {
        String account = request.pathVariable("account");
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(Map.class)
                .switchIfEmpty(Mono.error(() -> invalidLimit("The body must be {\"creditLimit\": \"50000.00\"} or null")))
                .map(body -> {
                    if (!body.containsKey("creditLimit")) {
                        throw invalidLimit("The body needs a creditLimit (null removes it)");
                    }
                    Object raw = body.get("creditLimit");
                    if (raw == null) {
                        return java.util.Optional.<BigDecimal>empty();
                    }
                    try {
                        return java.util.Optional.of(new BigDecimal(raw.toString().strip()));
                    } catch (NumberFormatException e) {
                        throw invalidLimit("'" + raw + "' is not an amount (e.g. 50000.00)");
                    }
                })
                .flatMap(limit -> customers.setCreditLimit(staff, account, limit.orElse(null)))
                .onErrorMap(InvalidCreditLimit.class, e -> invalidLimit(e.getMessage()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No customer account '" + account + "' for you")))
                .flatMap(c -> ServerResponse.ok().bodyValue(new CreditLimitJson(c.account(),
                        c.creditLimit() == null ? null : c.creditLimit().toPlainString(), c.currency(), c.version()))));
    }

    private static ApiProblem invalidLimit(String detail) {
        return new ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "Invalid credit limit", detail)
                .with("field", "creditLimit");
    }

    private Mono<ServerResponse> contacts(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request)
                .flatMap(c -> contacts.of(staff, c.id()).map(x -> Map.of(
                        "name", x.name(), "role", nz(x.role()), "email", nz(x.email()), "phone", nz(x.phone()),
                        "collectionContact", x.collectionContact())).collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    /** Unknown, other tenant's and not-assigned accounts all answer 404: existence is not disclosed. */
    private Mono<Customer> visible(Staff staff, ServerRequest request) {
        String account = request.pathVariable("account");
        return customers.find(staff, account)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No customer account '" + account + "' for you")));
    }

    private static CustomerLine line(CustomerRow r, Penalty penalty, LocalDate today, long openAlerts) {
        return new CustomerLine(r.account(), r.name(), r.city(), r.currency(), r.balance(), r.overdue(), r.openItems(),
                r.oldestOverdue(), r.oldestOverdueDays(today), penalty.penalty(), penalty.indemnity(), openAlerts);
    }

    /** {@code s} is null only if the company has no default scenario, which the scenario rules never leave. */
    private static CustomerJson json(Customer c, Penalty penalty, AccountScenario s, LocalDate today, long openAlerts) {
        return new CustomerJson(c.account(), c.name(), c.address(), c.postalCode(), c.city(), c.country(), c.currency(),
                c.email(), c.phone(), c.balance(), c.overdue(), c.openItems(), c.oldestOverdue(),
                c.oldestOverdueDays(today), penalty.penalty(), penalty.indemnity(),
                assignees(c, org.opendso.customer.AssignmentRole.COLLECTOR),
                assignees(c, org.opendso.customer.AssignmentRole.SALES_MANAGER),
                s == null ? null : new ScenarioJson(s.scenario().id(), s.scenario().name(), s.followsDefault()),
                c.version(), openAlerts, c.creditLimit());
    }

    private static List<AssigneeJson> assignees(Customer c, org.opendso.customer.AssignmentRole role) {
        return c.assignees().stream().filter(a -> a.role() == role)
                .map((Assignee a) -> new AssigneeJson(a.login(), a.name())).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
