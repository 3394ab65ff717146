package org.opendso.agenda.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opendso.agenda.ActionChanged;
import org.opendso.agenda.ActionForbidden;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.CallActions;
import org.opendso.agenda.CallLogged;
import org.opendso.agenda.InvalidAction;
import org.opendso.agenda.LetterActions;
import org.opendso.agenda.UnknownAction;
import org.opendso.agenda.WrongKind;
import org.opendso.security.CurrentStaff;
import org.opendso.template.HashtagProblem;
import org.opendso.template.UnknownTemplate;
import org.opendso.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Carrying out letter and call actions: {@code GET /api/v1/actions/{id}/letter.pdf}, {@code POST .../letter/sent},
 * {@code POST .../letter/email}, {@code POST .../call}. Problems as the agenda's: 400 names the field, 404 for an
 * action the caller does not see, 409 with the action as it is now, 422 for an action of another kind or a letter
 * whose template cannot be rendered.
 */
@Configuration
class LetterCallApi {

    private final Agenda agenda;
    private final LetterActions letters;
    private final CallActions calls;

    LetterCallApi(Agenda agenda, LetterActions letters, CallActions calls) {
        this.agenda = agenda;
        this.letters = letters;
        this.calls = calls;
    }

    @Bean
    RouterFunction<ServerResponse> letterCallRoutes() {
        return RouterFunctions.route()
                .GET("/v1/actions/{id}/letter.pdf", this::pdf)
                .POST("/v1/actions/{id}/letter/sent", this::sent)
                .POST("/v1/actions/{id}/letter/email", this::email)
                .POST("/v1/actions/{id}/call", this::call)
                .build();
    }

    record LetterBody(Long version, String to) {
    }

    record CallBody(Long version, String outcome, String notes) {
    }

    private Mono<ServerResponse> pdf(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> letters.pdf(staff, id))
                .flatMap(pdf -> ServerResponse.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(pdf.fileName()).build().toString())
                        .bodyValue(pdf.content()))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> sent(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(LetterBody.class)
                        .defaultIfEmpty(new LetterBody(null, null))
                        .flatMap(body -> letters.markSent(staff, id, body.version())))
                .flatMap(a -> ServerResponse.ok().bodyValue(AgendaApi.json(a, agenda.today())))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> email(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(LetterBody.class)
                        .defaultIfEmpty(new LetterBody(null, null))
                        .flatMap(body -> letters.emailAsAttachment(staff, id, body.version(), body.to())))
                .flatMap(a -> ServerResponse.ok().bodyValue(AgendaApi.json(a, agenda.today())))
                .onErrorMap(this::problem);
    }

    private Mono<ServerResponse> call(ServerRequest request) {
        long id = id(request);
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(CallBody.class)
                        .defaultIfEmpty(new CallBody(null, null, null))
                        .flatMap(body -> calls.log(staff, id, body.version(), body.outcome(), body.notes())))
                .flatMap(logged -> ServerResponse.ok().bodyValue(json(logged)))
                .onErrorMap(this::problem);
    }

    private Map<String, Object> json(CallLogged logged) {
        Map<String, Object> json = AgendaApi.json(logged.action(), agenda.today());
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("outcome", logged.outcome().name());
        call.put("attempt", logged.attempt());
        call.put("retryOn", logged.retryOn());
        json.put("call", call);
        return json;
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
            case UnknownAction u -> ApiProblem.notFound(u.getMessage());
            case ActionForbidden f -> ApiProblem.forbidden(f.getMessage());
            case WrongKind w -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Wrong kind of action", w.getMessage())
                    .with("field", "kind");
            case InvalidAction i -> ApiProblem.badField(i.field(), i.getMessage());
            case ActionChanged c -> new ApiProblem(HttpStatus.CONFLICT, "Action changed", c.getMessage())
                    .with("field", "version").with("current", AgendaApi.json(c.current(), agenda.today()));
            case HashtagProblem h -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Letter cannot be rendered",
                    h.getMessage()).with("hashtag", h.hashtag());
            case UnknownTemplate t -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Letter cannot be rendered",
                    t.getMessage() + ": the step names a template the company no longer has").with("field", "template");
            default -> e;
        };
    }
}
