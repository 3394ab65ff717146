package org.opendso.template.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opendso.security.CurrentStaff;
import org.opendso.template.HashtagProblem;
import org.opendso.template.InvalidTemplate;
import org.opendso.template.Rendered;
import org.opendso.template.Template;
import org.opendso.template.TemplateChanged;
import org.opendso.template.TemplateDraft;
import org.opendso.template.TemplateKind;
import org.opendso.template.Templates;
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
 * {@code /api/v1/templates}: everyone reads the company's templates and renders them for the accounts they see;
 * administrators write them. A template is named by its code and language in paths. A hashtag that cannot be
 * replaced (unknown, misspelt, a table in a subject) is a 422 naming it with
 * its position.
 */
@Configuration
class TemplateApi {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.valueOf(422);

    private final Templates templates;

    TemplateApi(Templates templates) {
        this.templates = templates;
    }

    @Bean
    RouterFunction<ServerResponse> templateRoutes() {
        return RouterFunctions.route()
                .GET("/v1/templates", this::list)
                .POST("/v1/templates", this::create)
                .POST("/v1/templates/render", this::render)
                .GET("/v1/templates/{code}/{language}", this::one)
                .PUT("/v1/templates/{code}/{language}", this::update)
                .DELETE("/v1/templates/{code}/{language}", this::delete)
                .build();
    }

    /** POST and PUT; on PUT, code and language come from the path and fields left out keep their value. */
    record TemplateBody(String code, String language, String kind, String name, String subject, String body,
                        Long version) {
    }

    /** Either {@code subject} and {@code body}, or {@code template} (a code); {@code language} is optional. */
    record RenderBody(String customer, String template, String subject, String body, String language) {
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> templates.all(staff).map(TemplateApi::json).collectList()
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> existing(request, staff))
                .flatMap(t -> ServerResponse.ok().bodyValue(json(t)));
    }

    private Mono<ServerResponse> create(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> body(request)
                        .flatMap(b -> templates.create(staff, new TemplateDraft(b.code(), b.language(), kind(b.kind()),
                                b.name(), b.subject(), b.body()))))
                .flatMap(t -> ServerResponse.created(request.uriBuilder().path("/{code}/{language}")
                        .build(t.code(), t.language())).bodyValue(json(t)))
                .onErrorMap(TemplateApi::problem);
    }

    private Mono<ServerResponse> update(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> body(request).flatMap(b -> existing(request, staff)
                        .flatMap(current -> templates.update(staff, current.code(), current.language(),
                                new TemplateDraft(current.code(), current.language(),
                                        b.kind() == null ? current.kind() : kind(b.kind()),
                                        b.name() == null ? current.name() : b.name(),
                                        b.subject() == null ? current.subject() : b.subject(),
                                        b.body() == null ? current.body() : b.body()), b.version()))))
                .flatMap(t -> ServerResponse.ok().bodyValue(json(t)))
                .onErrorMap(TemplateApi::problem);
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> templates.delete(staff, request.pathVariable("code"),
                        request.pathVariable("language")))
                .then(ServerResponse.noContent().build())
                .onErrorMap(TemplateApi::problem);
    }

    private Mono<ServerResponse> render(ServerRequest request) {
        LocalDate today = LocalDate.now();
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(RenderBody.class)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.badField("customer", "The request has no body")))
                        .flatMap(b -> {
                            if (b.customer() == null || b.customer().isBlank()) {
                                return Mono.error(ApiProblem.badField("customer", "Name the customer account"));
                            }
                            boolean byCode = b.template() != null && !b.template().isBlank();
                            if (byCode && (b.subject() != null || b.body() != null)) {
                                return Mono.error(ApiProblem.badField("template",
                                        "Give either a template code or a subject and body, not both"));
                            }
                            if (!byCode && b.subject() == null && b.body() == null) {
                                return Mono.error(ApiProblem.badField("template",
                                        "Give a template code, or a subject and a body"));
                            }
                            return byCode
                                    ? templates.render(staff, b.customer(), b.template(), b.language(), today)
                                    : templates.render(staff, b.customer(), b.subject() == null ? "" : b.subject(),
                                            b.body() == null ? "" : b.body(), b.language(), today);
                        }))
                .flatMap(r -> ServerResponse.ok().bodyValue(json(r)))
                .onErrorMap(TemplateApi::problem);
    }

    private Mono<TemplateBody> body(ServerRequest request) {
        return request.bodyToMono(TemplateBody.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField("name", "The request has no body")));
    }

    private Mono<Template> existing(ServerRequest request, org.opendso.security.Staff staff) {
        String code = request.pathVariable("code");
        String language = request.pathVariable("language");
        return templates.one(staff, code, language)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(new UnknownTemplate(code, language).getMessage())));
    }

    private static TemplateKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return TemplateKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("kind", "Unknown kind '" + kind + "' (EMAIL, LETTER)");
        }
    }

    private static Throwable problem(Throwable e) {
        return switch (e) {
            case HashtagProblem h -> {
                ApiProblem p = new ApiProblem(UNPROCESSABLE, "Hashtag problem", h.getMessage())
                        .with("field", h.field()).with("hashtag", h.hashtag())
                        .with("line", h.line()).with("column", h.column()).with("offset", h.offset());
                yield h.suggestion() == null ? p : p.with("suggestion", h.suggestion());
            }
            case UnknownTemplate u -> ApiProblem.notFound(u.getMessage());
            case UnknownCustomer u -> ApiProblem.notFound(u.getMessage()).with("field", "customer");
            case InvalidTemplate i -> ApiProblem.badField(i.field(), i.getMessage());
            case TemplateChanged c -> new ApiProblem(HttpStatus.CONFLICT, "Template changed", c.getMessage())
                    .with("field", "version").with("current", json(c.current()));
            default -> e;
        };
    }

    static Map<String, Object> json(Template t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", t.code());
        json.put("language", t.language());
        json.put("kind", t.kind().name());
        json.put("name", t.name());
        json.put("subject", t.subject());
        json.put("body", t.body());
        json.put("standard", t.standard());
        json.put("version", t.version());
        return json;
    }

    static Map<String, Object> json(Rendered r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", r.subject());
        json.put("body", r.body());
        json.put("language", r.language());
        return json;
    }
}
