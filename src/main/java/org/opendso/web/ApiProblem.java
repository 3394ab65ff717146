package org.opendso.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the API client should read: rendered as an RFC 9457 problem detail
 * ({@code application/problem+json}) with any extra properties (e.g. {@code field}, {@code rejected}).
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    /** A request value that is wrong; the problem names the field. */
    public static ApiProblem badField(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail).with("field", field);
    }

    public ApiProblem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** The problem as the JSON object sent to the client. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", getMessage());
        body.put("instance", instance);
        body.putAll(properties);
        return body;
    }
}
