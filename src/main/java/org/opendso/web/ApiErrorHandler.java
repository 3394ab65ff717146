package org.opendso.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Every API failure becomes a problem detail; a stack trace never reaches the client, only the log. */
final class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final JsonMapper json;

    ApiErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        ApiProblem problem = toProblem(ex);
        String instance = exchange.getRequest().getPath().value();
        byte[] body = json.writeValueAsBytes(problem.body(instance));
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static ApiProblem toProblem(Throwable ex) {
        if (ex instanceof ApiProblem problem) {
            return problem;
        }
        if (ex instanceof org.springframework.security.access.AccessDeniedException denied) {
            return ApiProblem.forbidden(denied.getMessage());
        }
        if (ex instanceof ServerWebInputException input) {
            String detail = input.getReason() == null ? "The request could not be read." : input.getReason();
            Throwable cause = input.getMostSpecificCause();
            if (cause instanceof DecodingException || cause != input) {
                detail = detail + " (" + firstLine(cause.getMessage()) + ")";
            }
            ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
            if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
                problem.with("field", input.getMethodParameter().getParameterName());
            }
            return problem;
        }
        if (ex instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            HttpStatus resolved = HttpStatus.resolve(code.value());
            return new ApiProblem(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved,
                    resolved == null ? "Error" : resolved.getReasonPhrase(),
                    status.getReason() == null ? (resolved == null ? "" : resolved.getReasonPhrase()) : status.getReason());
        }
        log.error("Unexpected API failure", ex);
        return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing was changed. The error was logged.");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static byte[] utf8(Map<String, Object> body, JsonMapper json) {
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
