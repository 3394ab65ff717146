package org.opendso.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI 3 document, maintained by hand in {@code openapi/opendso.yaml} beside the routes
 * (springdoc cannot see functional routes mounted in a servlet application); a test checks that the
 * document and the real routes name the same operations. Served at /v3/api-docs (JSON) and
 * /v3/api-docs.yaml; Swagger UI at /swagger-ui.html.
 */
@Component
public class ApiDocs {

    static final String LOCATION = "openapi/opendso.yaml";

    private final String yaml;
    private final byte[] json;

    ApiDocs(JsonMapper jsonMapper) {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode tree = new YAMLMapper().readTree(yaml);
        this.json = jsonMapper.writeValueAsBytes(tree);
    }

    /** The document as a tree, for tests. */
    public JsonNode tree() {
        return new YAMLMapper().readTree(yaml);
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/api-docs", r -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json))
                .GET("/api-docs.yaml", r -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(yaml))
                .build();
    }
}
