package org.opendso.alert.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendso.alert.Alert;
import org.opendso.alert.AlertQuery;
import org.opendso.alert.AlertRule;
import org.opendso.alert.AlertState;
import org.opendso.alert.Alerts;
import org.opendso.alert.InvalidAlertSetting;
import org.opendso.alert.RuleSetting;
import org.opendso.alert.UnknownAlert;
import org.opendso.security.CurrentStaff;
import org.opendso.web.ApiProblem;
import org.opendso.web.QueryParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/alerts}: the alerts of the accounts the caller sees, newest first; {@code POST
 * /api/v1/alerts/{id}/acknowledge}; {@code GET/PUT /api/v1/settings/alerts}: the company's rules (everyone reads
 * them, administrators change them).
 */
@Configuration
class AlertApi {


    private final Alerts alerts;
    private final JsonMapper json;

    AlertApi(Alerts alerts, JsonMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    @Bean
    RouterFunction<ServerResponse> alertRoutes() {
        return RouterFunctions.route()
                .GET("/v1/alerts", this::list)
                .POST("/v1/alerts/{id}/acknowledge", this::acknowledge)
                .GET("/v1/settings/alerts", this::settings)
                .PUT("/v1/settings/alerts", this::update)
                .build();
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        AlertState state = QueryParams.oneOf("state", request.queryParam("state").orElse("open"), AlertState.class);
        AlertQuery query = new AlertQuery(state, request.queryParam("customer").orElse(null),
                QueryParams.integer(request, "page", 0, 0, Integer.MAX_VALUE),
                QueryParams.integer(request, "size", 100, 1, 500));
        return CurrentStaff.reactive().flatMap(staff -> Mono.zip(alerts.list(staff, query).map(this::json).collectList(),
                        alerts.count(staff, query)))
                .flatMap(t -> ServerResponse.ok().bodyValue(Map.of("content", t.getT1(), "page", query.page(),
                        "size", query.size(), "total", t.getT2())));
    }

    private Mono<ServerResponse> acknowledge(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> alerts.acknowledge(staff, id))
                .flatMap(a -> ServerResponse.ok().bodyValue(json(a)))
                .onErrorMap(AlertApi::problem);
    }

    private Mono<ServerResponse> settings(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> alerts.settings(staff.tenantId()))
                .flatMap(list -> ServerResponse.ok().bodyValue(json(list)));
    }

    private Mono<ServerResponse> update(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(JsonNode.class)
                        .switchIfEmpty(Mono.error(() -> invalid("rule", null, "The request has no body: send the rules")))
                        .map(AlertApi::changes)
                        .flatMap(changes -> alerts.update(staff, changes)))
                .flatMap(list -> ServerResponse.ok().bodyValue(json(list)))
                .onErrorMap(AlertApi::problem);
    }

    /** {@code [{"rule": "NO_ACTION", "enabled": true, "days": 15}, ...]}; a field left out keeps its value. */
    static List<RuleSetting> changes(JsonNode body) {
        if (!body.isArray()) {
            throw invalid("rule", null, "Send an array of rules: [{\"rule\": \"NO_ACTION\", \"enabled\": true, \"days\": 15}]");
        }
        List<RuleSetting> changes = new ArrayList<>();
        for (JsonNode node : body) {
            if (!node.isObject()) {
                throw invalid("rule", null, "Each rule is an object with rule, enabled and days");
            }
            JsonNode rule = node.get("rule");
            if (rule == null || !rule.isString()) {
                throw invalid("rule", null, "Name the rule (" + List.of(AlertRule.values()) + ")");
            }
            AlertRule r;
            try {
                r = AlertRule.valueOf(rule.asString().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("rule", rule.asString(), "Unknown rule '" + rule.asString() + "' ("
                        + List.of(AlertRule.values()) + ")");
            }
            JsonNode enabled = node.get("enabled");
            if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
                throw invalid("enabled", r.name(), "'enabled' of " + r + " must be true or false");
            }
            JsonNode days = node.get("days");
            if (days != null && !days.isNull() && (!days.isIntegralNumber() || !days.canConvertToInt())) {
                throw invalid("days", r.name(), "'days' of " + r + " must be a whole number of days");
            }
            changes.add(new RuleSetting(r, enabled == null || enabled.isNull() ? null : enabled.asBoolean(),
                    days == null || days.isNull() ? null : days.asInt()));
        }
        return changes;
    }

    private static ApiProblem invalid(String field, String rule, String detail) {
        ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid alert rule", detail)
                .with("field", field);
        return rule == null ? problem : problem.with("rule", rule);
    }

    private static Throwable problem(Throwable e) {
        return switch (e) {
            case InvalidAlertSetting i -> invalid(i.field(), i.rule(), i.getMessage());
            case UnknownAlert u -> ApiProblem.notFound(u.getMessage());
            default -> e;
        };
    }

    private static long id(ServerRequest request) {
        try {
            return Long.parseLong(request.pathVariable("id"));
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("No alert " + request.pathVariable("id"));
        }
    }

    private static List<Map<String, Object>> json(List<RuleSetting> rules) {
        return rules.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", s.rule().name());
            m.put("enabled", s.enabled());
            m.put("days", s.days());
            return m;
        }).toList();
    }

    private Map<String, Object> json(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("account", a.account());
        m.put("customerName", a.customerName());
        m.put("rule", a.rule().name());
        m.put("subject", a.subject());
        m.put("details", json.readTree(a.details()));
        m.put("raisedAt", a.raisedAt());
        m.put("open", a.open());
        m.put("clearedAt", a.clearedAt());
        m.put("clearedReason", a.clearedReason());
        m.put("clearedBy", a.clearedBy());
        return m;
    }
}
