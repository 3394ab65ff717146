package org.opendso.action.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendso.action.ActionChange;
import org.opendso.action.ActionCompletions;
import org.opendso.action.ActionKind;
import org.opendso.action.InvalidSpecificAction;
import org.opendso.action.ItemsInOpenAction;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActionChanged;
import org.opendso.action.SpecificActionForbidden;
import org.opendso.action.SpecificActionRequest;
import org.opendso.action.SpecificActions;
import org.opendso.action.UnknownSpecificAction;
import org.opendso.action.UnpaidItems;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
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
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/POST /api/v1/customers/{account}/specific-actions}, {@code GET/PATCH /api/v1/specific-actions/{id}},
 * {@code POST /api/v1/specific-actions/{id}/complete} and {@code /cancel}. Wrong input is a 422 problem naming the
 * field ({@code items[2]}, {@code resolver}, ...); a conflict (closed, another version, items taken, a promise
 * not paid) a 409 with the current state; a user who sees the action but may not change it a 403.
 */
@Configuration
class SpecificActionApi {

    private final Customers customers;
    private final SpecificActions actions;
    private final ActionCompletions completions;

    SpecificActionApi(Customers customers, SpecificActions actions, ActionCompletions completions) {
        this.customers = customers;
        this.actions = actions;
        this.completions = completions;
    }

    @Bean
    RouterFunction<ServerResponse> specificActionRoutes() {
        return RouterFunctions.route()
                .GET("/v1/customers/{account}/specific-actions", this::list)
                .POST("/v1/customers/{account}/specific-actions", this::create)
                .GET("/v1/specific-actions/{id}", this::one)
                .PATCH("/v1/specific-actions/{id}", this::edit)
                .POST("/v1/specific-actions/{id}/complete", this::complete)
                .POST("/v1/specific-actions/{id}/cancel", this::cancel)
                .build();
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> customer(staff, request)
                        .flatMap(c -> actions.ofCustomer(staff.tenantId(), c.id()).map(SpecificActionApi::json).collectList()))
                .flatMap(list -> ServerResponse.ok().bodyValue(list));
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> customer(staff, request)
                        .flatMap(c -> body(request).map(SpecificActionApi::request)
                                .flatMap(r -> actions.create(staff, c.id(), r))))
                .flatMap(a -> ServerResponse.status(HttpStatus.CREATED)
                        .header("Location", "/api/v1/specific-actions/" + a.id()).bodyValue(json(a)))
                .onErrorMap(SpecificActionApi::problem);
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> actions.visible(staff, id))
                .flatMap(a -> ServerResponse.ok().bodyValue(json(a)))
                .onErrorMap(SpecificActionApi::problem);
    }

    private Mono<ServerResponse> edit(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> body(request).flatMap(b -> actions.update(staff, id,
                        new ActionChange(version(b), date(b, "dueDate", false), text(b, "resolver"), text(b, "note")))))
                .flatMap(a -> ServerResponse.ok().bodyValue(json(a)))
                .onErrorMap(SpecificActionApi::problem);
    }

    private Mono<ServerResponse> complete(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> body(request).flatMap(b -> completions.complete(staff, id,
                        new ActionCompletions.Completion(text(b, "note"), version(b), b.path("anyway").asBoolean(false)))))
                .flatMap(a -> ServerResponse.ok().bodyValue(json(a)))
                .onErrorMap(SpecificActionApi::problem);
    }

    private Mono<ServerResponse> cancel(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> body(request)
                        .flatMap(b -> completions.cancel(staff, id, text(b, "reason"), version(b))))
                .flatMap(a -> ServerResponse.ok().bodyValue(json(a)))
                .onErrorMap(SpecificActionApi::problem);
    }

    private Mono<Customer> customer(Staff staff, ServerRequest request) {
        String account = request.pathVariable("account");
        return customers.find(staff, account)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No customer account '" + account + "' for you")));
    }

    private static Mono<JsonNode> body(ServerRequest request) {
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> invalid("body", "Send a JSON object")))
                .map(b -> {
                    if (!b.isObject()) {
                        throw invalid("body", "Send a JSON object");
                    }
                    return b;
                });
    }

    /** {@code {"kind", "items": [{"number", "type"}], "resolver", "dueDate", "note"}}, field by field. */
    static SpecificActionRequest request(JsonNode b) {
        String kind = text(b, "kind");
        ActionKind k;
        try {
            k = kind == null ? null : ActionKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("kind", "Unknown kind '" + kind + "' (" + List.of(ActionKind.values()) + ")");
        }
        JsonNode items = b.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw invalid("items", "List the items: [{\"number\": \"INV-1\", \"type\": \"INVOICE\"}]");
        }
        List<OpenItem.Key> keys = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String number = item.isString() ? item.asString() : text(item, "number");
            String type = item.isString() ? null : text(item, "type");
            if (number == null || number.isBlank()) {
                throw invalid("items[" + i + "]", "Item " + i + " needs a number");
            }
            ItemType t;
            try {
                t = type == null ? ItemType.INVOICE : ItemType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("items[" + i + "]", "Unknown item type '" + type + "' (" + List.of(ItemType.values()) + ")");
            }
            keys.add(new OpenItem.Key(t, number.strip()));
        }
        return new SpecificActionRequest(k, keys, text(b, "resolver"), date(b, "dueDate", true), text(b, "note"));
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw invalid(field, "'" + field + "' is a text");
        }
        return v.asString();
    }

    private static Long version(JsonNode b) {
        JsonNode v = b.get("version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw invalid("version", "'version' is the number read with the action");
        }
        return v.asLong();
    }

    private static LocalDate date(JsonNode b, String field, boolean required) {
        String value = text(b, field);
        if (value == null || value.isBlank()) {
            if (required) {
                throw invalid(field, "Give '" + field + "' (yyyy-MM-dd)");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static long id(ServerRequest request) {
        String id = request.pathVariable("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("No specific action '" + id + "'");
        }
    }

    private static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid specific action", detail).with("field", field);
    }

    static Throwable problem(Throwable e) {
        return switch (e) {
            case ItemsInOpenAction t -> new ApiProblem(HttpStatus.CONFLICT, "Items in another open action", t.getMessage())
                    .with("field", t.field()).with("actions", t.actions());
            case InvalidSpecificAction i -> invalid(i.field(), i.getMessage());
            case UnknownSpecificAction u -> ApiProblem.notFound(u.getMessage());
            case SpecificActionForbidden f -> ApiProblem.forbidden(f.getMessage());
            case SpecificActionChanged c -> new ApiProblem(HttpStatus.CONFLICT, "Specific action conflict", c.getMessage())
                    .with("field", "version").with("current", json(c.current()));
            case UnpaidItems u -> new ApiProblem(HttpStatus.CONFLICT, "Items not paid", u.getMessage()
                    + ": send \"anyway\": true to complete it all the same, or keep it open")
                    .with("field", "anyway")
                    .with("openItems", u.open().stream().map(i -> Map.of("number", i.number(), "type", i.type().name(),
                            "openAmount", i.openAmount(), "currency", i.currency())).toList())
                    .with("current", json(u.action()));
            default -> e;
        };
    }

    static Map<String, Object> json(SpecificAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("customer", a.account());
        m.put("customerName", a.customerName());
        m.put("kind", a.kind().name());
        m.put("items", a.items());
        m.put("resolver", a.assigneeLogin());
        m.put("resolverName", a.assigneeName());
        m.put("dueDate", a.dueDate().toString());
        m.put("note", a.note());
        m.put("state", a.state().name());
        m.put("outcome", a.outcome() == null ? null : a.outcome().name());
        m.put("createdBy", a.createdBy());
        m.put("createdAt", a.createdAt().toString());
        m.put("closedBy", a.completedBy());
        m.put("closedAt", a.completedAt() == null ? null : a.completedAt().toString());
        m.put("closingNote", a.completionNote());
        m.put("version", a.version());
        return m;
    }
}
