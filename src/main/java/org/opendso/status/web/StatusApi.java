package org.opendso.status.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.status.InvalidStatus;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.status.StatusDraft;
import org.opendso.status.StatusInUse;
import org.opendso.status.Statuses;
import org.opendso.status.UnknownStatus;
import org.opendso.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/statuses}: everyone lists and reads the company's statuses; administrators create, change and
 * delete them. A status is named by its code, here as everywhere else in the API.
 */
@Configuration
class StatusApi {

    private final Statuses statuses;

    StatusApi(Statuses statuses) {
        this.statuses = statuses;
    }

    @Bean
    RouterFunction<ServerResponse> statusRoutes() {
        return RouterFunctions.route()
                .GET("/v1/statuses", this::list)
                .POST("/v1/statuses", this::create)
                .GET("/v1/statuses/{code}", this::one)
                .PUT("/v1/statuses/{code}", this::update)
                .DELETE("/v1/statuses/{code}", this::delete)
                .build();
    }

    record Labels(String en, String fr) {
    }

    /** The body of POST and PUT; {@code label} alone sets both languages, {@code labels} one or both. */
    record StatusBody(String code, String label, Labels labels, String category, Integer followUpDays, Long version) {
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> statuses.all(staff.tenantId())
                .map(s -> json(s, staff)).collectList()
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> existing(staff, request)
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s, staff))));
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> body(request)
                .flatMap(body -> statuses.create(staff, new StatusDraft(body.code(), label(body, "en", null),
                        label(body, "fr", null), category(body.category(), null), body.followUpDays())))
                .flatMap(s -> ServerResponse.created(request.uriBuilder().path("/{code}").build(s.code()))
                        .bodyValue(json(s, staff)))
                .onErrorMap(StatusApi::problem));
    }

    /** Fields left out keep their current value, so {@code {"label": "New name"}} is a rename. */
    private Mono<ServerResponse> update(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> body(request)
                .flatMap(body -> existing(staff, request).flatMap(current -> {
                    if (body.code() != null && !Statuses.normaliseCode(body.code()).equals(current.code())) {
                        return Mono.error(ApiProblem.badField("code",
                                "A status keeps its code; create a new status for another code"));
                    }
                    return statuses.update(staff, current.code(), new StatusDraft(current.code(),
                            label(body, "en", current.labelEn()), label(body, "fr", current.labelFr()),
                            category(body.category(), current.category()),
                            body.followUpDays() == null ? current.followUpDays() : body.followUpDays()), body.version());
                }))
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s, staff)))
                .onErrorMap(StatusApi::problem));
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        String replacement = request.queryParam("replacement").orElse(null);
        return CurrentStaff.reactive().flatMap(staff -> statuses.delete(staff, request.pathVariable("code"), replacement)
                .then(ServerResponse.noContent().build())
                .onErrorMap(StatusApi::problem));
    }

    private Mono<StatusBody> body(ServerRequest request) {
        return request.bodyToMono(StatusBody.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField("label", "The request has no body")));
    }

    private Mono<ItemStatus> existing(Staff staff, ServerRequest request) {
        String code = Statuses.normaliseCode(request.pathVariable("code"));
        return statuses.byCode(staff.tenantId(), code)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No status '" + code + "'")));
    }

    private static String label(StatusBody body, String language, String current) {
        String specific = body.labels() == null ? null : "fr".equals(language) ? body.labels().fr() : body.labels().en();
        return specific != null ? specific : body.label() != null ? body.label() : current;
    }

    private static StatusCategory category(String value, StatusCategory current) {
        if (value == null) {
            return current;
        }
        try {
            return StatusCategory.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("category", "Unknown category '" + value
                    + "' (ON_GOING, PROMISE_TO_PAY, DISPUTE, DISPUTE_RESOLVED, LITIGATION)");
        }
    }

    private static Throwable problem(Throwable e) {
        return switch (e) {
            case UnknownStatus u -> ApiProblem.notFound(u.getMessage());
            case StatusInUse u -> new ApiProblem(HttpStatus.CONFLICT, "Status in use", u.getMessage())
                    .with("field", "replacement").with("itemsInUse", u.items());
            case InvalidStatus i -> ApiProblem.badField(i.field(), i.getMessage());
            case OptimisticLockingFailureException o -> new ApiProblem(HttpStatus.CONFLICT, "Status changed", o.getMessage())
                    .with("field", "version");
            default -> e;
        };
    }

    static Map<String, Object> json(ItemStatus s, Staff staff) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", s.code());
        json.put("label", s.label(staff.locale()));
        json.put("labels", Map.of("en", s.labelEn(), "fr", s.labelFr()));
        json.put("category", s.category().name());
        json.put("followUpDays", s.followUpDays());
        json.put("standard", s.standard());
        json.put("version", s.version());
        return json;
    }
}
