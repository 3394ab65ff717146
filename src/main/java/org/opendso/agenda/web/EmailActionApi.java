package org.opendso.agenda.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.agenda.ActionChanged;
import org.opendso.agenda.ActionForbidden;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.Confirmed;
import org.opendso.agenda.EmailActions;
import org.opendso.agenda.EmailDraft;
import org.opendso.agenda.EmailSent;
import org.opendso.agenda.InvalidAction;
import org.opendso.agenda.UnknownAction;
import org.opendso.security.CurrentStaff;
import org.opendso.template.HashtagProblem;
import org.opendso.template.UnknownCustomer;
import org.opendso.template.UnknownTemplate;
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
 * Email actions: {@code GET /api/v1/actions/{id}/email} (the draft), {@code POST /api/v1/actions/{id}/send} (send it
 * and complete the action), {@code GET /api/v1/agenda/to-confirm} and {@code POST /api/v1/agenda/to-confirm/send}
 * (the automatic emails waiting for a confirmation, and "send all"). Problems: 404 for an action the caller does not
 * see, 409 with the current action on a stale version, 422 for a hashtag naming it and its position, 400 naming the
 * field otherwise.
 */
@Configuration
class EmailActionApi {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.valueOf(422);

    private final EmailActions emails;
    private final Agenda agenda;

    EmailActionApi(EmailActions emails, Agenda agenda) {
        this.emails = emails;
        this.agenda = agenda;
    }

    @Bean
    RouterFunction<ServerResponse> emailActionRoutes() {
        return RouterFunctions.route()
                .GET("/v1/actions/{id}/email", this::draft)
                .POST("/v1/actions/{id}/send", this::send)
                .GET("/v1/agenda/to-confirm", this::toConfirm)
                .POST("/v1/agenda/to-confirm/send", this::confirm)
                .build();
    }

    /** Omitted subject or body: the template's; omitted or empty {@code to}: the step's recipients. */
    record SendBody(Long version, List<String> to, String subject, String body) {
    }

    record ConfirmBody(List<Long> ids) {
    }

    private Mono<ServerResponse> draft(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> emails.draft(staff, id))
                .flatMap(d -> ServerResponse.ok().bodyValue(json(d, agenda.today())))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> send(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(SendBody.class)
                        .defaultIfEmpty(new SendBody(null, null, null, null))
                        .flatMap(b -> emails.send(staff, id, b.version(), b.to(), b.subject(), b.body())))
                .flatMap(sent -> ServerResponse.ok().bodyValue(json(sent, agenda.today())))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> toConfirm(ServerRequest request) {
        LocalDate today = agenda.today();
        return CurrentStaff.reactive().flatMap(staff -> emails.toConfirm(staff)
                        .map(a -> AgendaApi.json(a, today)).collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(Map.of("actions", list)))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> confirm(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(ConfirmBody.class)
                        .filter(b -> b.ids() != null && !b.ids().isEmpty())
                        .switchIfEmpty(Mono.error(() -> ApiProblem.badField("ids", "Give the ids of the actions to send")))
                        .flatMap(b -> emails.confirmAll(staff, b.ids())))
                .flatMap(c -> ServerResponse.ok().bodyValue(json(c, agenda.today())))
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

    private Throwable problem(Throwable e) {
        return switch (e) {
            case HashtagProblem h -> {
                ApiProblem p = new ApiProblem(UNPROCESSABLE, "Hashtag problem", h.getMessage())
                        .with("field", h.field()).with("hashtag", h.hashtag())
                        .with("line", h.line()).with("column", h.column()).with("offset", h.offset());
                yield h.suggestion() == null ? p : p.with("suggestion", h.suggestion());
            }
            case UnknownAction u -> ApiProblem.notFound(u.getMessage());
            case ActionForbidden f -> ApiProblem.forbidden(f.getMessage());
            case InvalidAction i -> ApiProblem.badField(i.field(), i.getMessage());
            case UnknownTemplate u -> new ApiProblem(UNPROCESSABLE, "Template missing", u.getMessage())
                    .with("field", "template");
            case UnknownCustomer u -> ApiProblem.notFound(u.getMessage());
            case ActionChanged c -> new ApiProblem(HttpStatus.CONFLICT, "Action changed", c.getMessage())
                    .with("field", "version").with("current", AgendaApi.json(c.current(), agenda.today()));
            default -> e;
        };
    }

    static Map<String, Object> json(EmailDraft d, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", AgendaApi.json(d.action(), today));
        json.put("version", d.action().version());
        json.put("recipient", d.recipient());
        json.put("to", d.to().stream().map(t -> {
            Map<String, Object> to = new LinkedHashMap<>();
            to.put("email", t.email());
            if (t.name() != null) {
                to.put("name", t.name());
            }
            return to;
        }).toList());
        json.put("template", d.templateCode());
        json.put("language", d.language());
        json.put("subject", d.subject());
        json.put("body", d.body());
        json.put("preview", Map.of("subject", d.preview().subject(), "body", d.preview().body()));
        return json;
    }

    static Map<String, Object> json(EmailSent s, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", AgendaApi.json(s.action(), today));
        json.put("mailId", s.mailId());
        json.put("mailIds", s.mailIds());
        return json;
    }

    static Map<String, Object> json(Confirmed c, LocalDate today) {
        return Map.of("sent", c.sent().stream().map(s -> json(s, today)).toList(),
                "failed", c.failed().entrySet().stream()
                        .map(f -> Map.<String, Object>of("id", f.getKey(), "detail", String.valueOf(f.getValue())))
                        .toList());
    }
}
