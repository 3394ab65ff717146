package org.opendso.agenda.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opendso.agenda.ActionChanged;
import org.opendso.agenda.ActionForbidden;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.AgendaPage;
import org.opendso.agenda.AgendaQuery;
import org.opendso.agenda.InvalidAction;
import org.opendso.agenda.PlannedAction;
import org.opendso.agenda.UnknownAction;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/agenda}: a user's waiting collection actions with counts; {@code /api/v1/actions/{id}} and its
 * verbs: complete, skip, reschedule, reassign, replace. An action of an account the caller does not see is not found.
 */
@Configuration
class AgendaApi {

    private final Agenda agenda;

    AgendaApi(Agenda agenda) {
        this.agenda = agenda;
    }

    @Bean
    RouterFunction<ServerResponse> agendaRoutes() {
        return RouterFunctions.route()
                .GET("/v1/agenda", this::list)
                .GET("/v1/actions/{id}", this::one)
                .POST("/v1/actions/{id}/complete", this::complete)
                .POST("/v1/actions/{id}/skip", this::skip)
                .POST("/v1/actions/{id}/reschedule", this::reschedule)
                .POST("/v1/actions/{id}/reassign", this::reassign)
                .POST("/v1/actions/{id}/replace", this::replace)
                .build();
    }

    /** The body of every verb; each reads the fields it needs. */
    record ActionBody(Long version, String outcome, String note, String dueDate, String user, String kind) {
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        AgendaQuery query = new AgendaQuery(param(request, "user"), date(param(request, "from"), "from"),
                date(param(request, "to"), "to"), param(request, "kind"), param(request, "customer"),
                param(request, "scenario"), amount(param(request, "minAmount"), "minAmount"),
                number(param(request, "page"), "page", 0), number(param(request, "size"), "size", 50));
        return CurrentStaff.reactive().flatMap(staff -> agenda.list(staff, query))
                .flatMap(page -> ServerResponse.ok().bodyValue(json(page)))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> agenda.find(staff, id)
                        .flatMap(a -> ServerResponse.ok().bodyValue(json(a, agenda.today()))))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> complete(ServerRequest request) {
        return verb(request, (staff, id, body) -> agenda.complete(staff, id, body.version(), body.outcome(), body.note()));
    }

    private Mono<ServerResponse> skip(ServerRequest request) {
        return verb(request, (staff, id, body) -> agenda.skip(staff, id, body.version(), body.note()));
    }

    private Mono<ServerResponse> reschedule(ServerRequest request) {
        return verb(request, (staff, id, body) -> agenda.reschedule(staff, id, body.version(),
                required(body.dueDate(), "dueDate")));
    }

    private Mono<ServerResponse> reassign(ServerRequest request) {
        return verb(request, (staff, id, body) -> agenda.reassign(staff, id, body.version(), body.user()));
    }

    private Mono<ServerResponse> replace(ServerRequest request) {
        return verb(request, (staff, id, body) -> agenda.replace(staff, id, body.version(), body.kind(),
                date(body.dueDate(), "dueDate")));
    }

    interface Verb {
        Mono<PlannedAction> apply(Staff staff, long id, ActionBody body);
    }

    private Mono<ServerResponse> verb(ServerRequest request, Verb verb) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(ActionBody.class)
                        .defaultIfEmpty(new ActionBody(null, null, null, null, null, null))
                        .flatMap(body -> Mono.defer(() -> verb.apply(staff, id, body))))
                .flatMap(a -> ServerResponse.ok().bodyValue(json(a, agenda.today())))
                .onErrorMap(this::problem);
    }

    private static long id(ServerRequest request) {
        String id = request.pathVariable("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("No action '" + id + "'");
        }
    }

    private static String param(ServerRequest request, String name) {
        return request.queryParam(name).filter(v -> !v.isBlank()).orElse(null);
    }

    private static BigDecimal amount(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badField(field, "'" + field + "' is an amount such as 1000 or 1000.50, not '" + value + "'");
        }
    }

    private static LocalDate required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badField(field, "Give '" + field + "' (yyyy-MM-dd)");
        }
        return date(value, field);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badField(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static int number(String value, String field, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw ApiProblem.badField(field, "'" + field + "' must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.badField(field, "'" + value + "' is not a number");
        }
    }

    private Throwable problem(Throwable e) {
        return switch (e) {
            case UnknownAction u -> ApiProblem.notFound(u.getMessage());
            case ActionForbidden f -> ApiProblem.forbidden(f.getMessage());
            case InvalidAction i -> ApiProblem.badField(i.field(), i.getMessage());
            case ActionChanged c -> new ApiProblem(HttpStatus.CONFLICT, "Action changed", c.getMessage())
                    .with("field", "version").with("current", json(c.current(), agenda.today()));
            default -> e;
        };
    }

    static Map<String, Object> json(AgendaPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", page.from());
        json.put("to", page.to());
        json.put("today", page.today());
        json.put("counts", Map.of("today", page.counts().today(), "late", page.counts().late(),
                "next7Days", page.counts().next7Days()));
        json.put("total", page.total());
        json.put("actions", page.actions().stream().map(a -> json(a, page.today())).toList());
        return json;
    }

    static Map<String, Object> json(PlannedAction a, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("customer", a.account());
        json.put("customerName", a.customerName());
        json.put("kind", a.kind());
        json.put("dueDate", a.dueDate());
        json.put("scenario", a.scenario());
        json.put("specific", false);
        json.put("label", a.label());
        json.put("state", a.state());
        json.put("amount", a.amount());
        json.put("late", a.isLate(today));
        json.put("assignee", a.assignee());
        json.put("assigneeName", a.assigneeName());
        Optional.ofNullable(a.outcome()).filter(o -> !o.isEmpty()).ifPresent(o -> json.put("outcome", o));
        Optional.ofNullable(a.note()).filter(n -> !n.isEmpty()).ifPresent(n -> json.put("note", n));
        json.put("version", a.version());
        return json;
    }
}
