package org.opendso.scenario.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendso.scenario.AccountScenario;
import org.opendso.scenario.InvalidScenario;
import org.opendso.scenario.Recipient;
import org.opendso.scenario.Scenario;
import org.opendso.scenario.ScenarioChanged;
import org.opendso.scenario.ScenarioDraft;
import org.opendso.scenario.ScenarioInUse;
import org.opendso.scenario.ScenarioStep;
import org.opendso.scenario.Scenarios;
import org.opendso.scenario.ScheduledStep;
import org.opendso.scenario.StepKind;
import org.opendso.scenario.StepMode;
import org.opendso.scenario.UnknownAccount;
import org.opendso.scenario.UnknownScenario;
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
 * {@code /api/v1/scenarios}: everyone reads the company's collection scenarios; administrators write them. And
 * {@code PUT /api/v1/customers/{account}/scenario}: who sees an account chooses its scenario. A scenario is named
 * by its id in paths; in bodies and query parameters by its id or its name.
 */
@Configuration
class ScenarioApi {

    private final Scenarios scenarios;

    ScenarioApi(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @Bean
    RouterFunction<ServerResponse> scenarioRoutes() {
        return RouterFunctions.route()
                .GET("/v1/scenarios", this::list)
                .POST("/v1/scenarios", this::create)
                .GET("/v1/scenarios/{id}", this::one)
                .PUT("/v1/scenarios/{id}", this::update)
                .DELETE("/v1/scenarios/{id}", this::delete)
                .GET("/v1/scenarios/{id}/timeline", this::timeline)
                .PUT("/v1/customers/{account}/scenario", this::assign)
                .build();
    }

    record StepBody(Integer offsetDays, String kind, String template, String recipient, String user, String mode,
                    String label) {
    }

    /** The body of POST and PUT; on PUT, fields left out keep their value, and {@code steps} replaces all steps. */
    record ScenarioBody(String name, String description, List<StepBody> steps, Long version,
                        @JsonProperty("default") Boolean makeDefault) {
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> scenarios.all(staff.tenantId())
                .map(ScenarioApi::json).collectList()
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> existing(staff, request)
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s))));
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> body(request)
                .flatMap(body -> scenarios.create(staff, new ScenarioDraft(body.name(), body.description(),
                                steps(body.steps(), List.of())))
                        .flatMap(s -> Boolean.TRUE.equals(body.makeDefault()) ? scenarios.makeDefault(staff, s.id())
                                : Mono.just(s)))
                .flatMap(s -> ServerResponse.created(request.uriBuilder().path("/{id}").build(s.id())).bodyValue(json(s)))
                .onErrorMap(ScenarioApi::problem));
    }

    /** Making a scenario the default is {@code "default": true}; false is not a request (choose the new default). */
    private Mono<ServerResponse> update(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> body(request)
                .flatMap(body -> existing(staff, request).flatMap(current -> scenarios.update(staff, current.id(),
                                new ScenarioDraft(body.name() == null ? current.name() : body.name(),
                                        body.description() == null ? current.description() : body.description(),
                                        steps(body.steps(), current.steps())), body.version())
                        .flatMap(s -> Boolean.TRUE.equals(body.makeDefault()) && !s.isDefault()
                                ? scenarios.makeDefault(staff, s.id()) : Mono.just(s))))
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s)))
                .onErrorMap(ScenarioApi::problem));
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        String replacement = request.queryParam("replacement").filter(r -> !r.isBlank()).orElse(null);
        return CurrentStaff.reactive().flatMap(staff -> existing(staff, request)
                .flatMap(deleted -> (replacement == null ? Mono.<Long>empty() : resolve(staff, replacement)
                        .switchIfEmpty(Mono.error(() -> new InvalidScenario("replacement",
                                "No scenario '" + replacement + "'")))
                        .map(Scenario::id))
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(to -> scenarios.delete(staff, deleted.id(), to.orElse(null))))
                .then(ServerResponse.noContent().build())
                .onErrorMap(ScenarioApi::problem));
    }

    private Mono<ServerResponse> timeline(ServerRequest request) {
        String account = request.queryParam("account").filter(a -> !a.isBlank()).orElse(null);
        if (account == null) {
            return Mono.error(ApiProblem.badField("account", "Name the customer account (?account=)"));
        }
        LocalDate today = LocalDate.now();
        return CurrentStaff.reactive().flatMap(staff -> existing(staff, request)
                .flatMap(s -> scenarios.preview(staff, s.id(), account, today).map(ScenarioApi::json).collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(list))
                .onErrorMap(ScenarioApi::problem));
    }

    /** {@code {"scenario": 12}}, {@code {"scenario": "Export"}} or {@code {"scenario": null}} (the default). */
    private Mono<ServerResponse> assign(ServerRequest request) {
        String account = request.pathVariable("account");
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(Map.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField("scenario", "The request has no body")))
                .flatMap(body -> {
                    if (!body.containsKey("scenario")) {
                        return Mono.error(ApiProblem.badField("scenario",
                                "Name the scenario (id or name), or null for the company's default"));
                    }
                    Object wanted = body.get("scenario");
                    Mono<Long> id = wanted == null ? Mono.empty() : resolve(staff, wanted)
                            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No scenario '" + wanted + "'")
                                    .with("field", "scenario")))
                            .map(Scenario::id);
                    return id.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(s -> scenarios.assign(staff, account, s.orElse(null)));
                })
                .flatMap(assigned -> ServerResponse.ok().bodyValue(json(assigned)))
                .onErrorMap(ScenarioApi::problem));
    }

    private Mono<ScenarioBody> body(ServerRequest request) {
        return request.bodyToMono(ScenarioBody.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField("name", "The request has no body")));
    }

    private Mono<Scenario> existing(Staff staff, ServerRequest request) {
        String id = request.pathVariable("id");
        return parseId(id).flatMap(n -> scenarios.byId(staff.tenantId(), n))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No scenario '" + id + "'")));
    }

    /** A scenario named by its id (a number, or digits) or else by its name. */
    private Mono<Scenario> resolve(Staff staff, Object reference) {
        if (reference instanceof Number n) {
            return scenarios.byId(staff.tenantId(), n.longValue());
        }
        String text = reference.toString().strip();
        return parseId(text).flatMap(n -> scenarios.byId(staff.tenantId(), n))
                .switchIfEmpty(Mono.defer(() -> scenarios.byName(staff.tenantId(), text)));
    }

    private static Mono<Long> parseId(String text) {
        try {
            return Mono.just(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Mono.empty();
        }
    }

    /** The steps of a body in their order; none given (PUT) keeps the current ones. */
    private static List<ScenarioStep> steps(List<StepBody> body, List<ScenarioStep> current) {
        if (body == null) {
            return current;
        }
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            StepBody b = body.get(i);
            if (b == null) {
                throw ApiProblem.badField("steps[" + i + "]", "Step " + (i + 1) + " is empty");
            }
            if (b.offsetDays() == null) {
                throw ApiProblem.badField("steps[" + i + "].offsetDays",
                        "Give step " + (i + 1) + " its offset in days from the due date");
            }
            steps.add(new ScenarioStep(i, b.offsetDays(), oneOf(i, "kind", b.kind(), StepKind.class), b.template(),
                    oneOf(i, "recipient", b.recipient(), Recipient.class), b.user(),
                    oneOf(i, "mode", b.mode(), StepMode.class), b.label()));
        }
        return steps;
    }

    private static <E extends Enum<E>> E oneOf(int step, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("steps[" + step + "]." + field, "Unknown " + field + " '" + value + "' ("
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
        }
    }

    private static Throwable problem(Throwable e) {
        return switch (e) {
            case UnknownScenario u -> ApiProblem.notFound(u.getMessage());
            case UnknownAccount u -> ApiProblem.notFound(u.getMessage());
            case ScenarioInUse u -> new ApiProblem(HttpStatus.CONFLICT, "Scenario in use", u.getMessage())
                    .with("field", "replacement").with("accountsInUse", u.accounts());
            case InvalidScenario i -> ApiProblem.badField(i.field(), i.getMessage());
            case ScenarioChanged c -> new ApiProblem(HttpStatus.CONFLICT, "Scenario changed", c.getMessage())
                    .with("field", "version").with("current", json(c.current()));
            default -> e;
        };
    }

    static Map<String, Object> json(Scenario s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("name", s.name());
        json.put("description", s.description());
        json.put("default", s.isDefault());
        json.put("standard", s.standard());
        json.put("version", s.version());
        json.put("steps", s.steps().stream().map(ScenarioApi::json).toList());
        return json;
    }

    static Map<String, Object> json(ScenarioStep step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", step.position());
        json.put("offsetDays", step.offsetDays());
        json.put("kind", step.kind().name());
        json.put("template", step.template());
        json.put("recipient", step.recipient().name());
        json.put("user", step.user());
        json.put("mode", step.mode().name());
        json.put("label", step.label());
        return json;
    }

    static Map<String, Object> json(ScheduledStep scheduled) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", scheduled.date());
        json.put("step", json(scheduled.step()));
        return json;
    }

    static Map<String, Object> json(AccountScenario assigned) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", assigned.account());
        json.put("scenario", Map.of("id", assigned.scenario().id(), "name", assigned.scenario().name(),
                "default", assigned.followsDefault()));
        return json;
    }
}
