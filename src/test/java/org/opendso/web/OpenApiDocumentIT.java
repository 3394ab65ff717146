package org.opendso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import tools.jackson.databind.JsonNode;

/** The hand-maintained OpenAPI document names exactly the operations the API serves. */
@IntegrationTest
class OpenApiDocumentIT {

    @Autowired
    ApiRoutes routes;

    @Autowired
    ApiDocs docs;

    @LocalServerPort
    int port;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
        Set<String> served = new TreeSet<>();
        routes.router().accept(new Collector(served));
        Set<String> documented = new TreeSet<>();
        JsonNode paths = docs.tree().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                documented.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        assertThat(served).isNotEmpty();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void documentAndSwaggerUiAreServedWithoutLogin() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").isEqualTo("3.0.3")
                .jsonPath("$.paths['/v1/customers'].get").exists();
        web.get().uri("/swagger-ui.html").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** Walks the router and notes "METHOD /path" for each route. */
    private static final class Collector implements RouterFunctions.Visitor, RequestPredicates.Visitor {

        private final Set<String> out;
        private final Set<String> methods = new TreeSet<>();
        private String path;

        Collector(Set<String> out) {
            this.out = out;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            methods.clear();
            path = null;
            predicate.accept(this);
            for (String m : methods) {
                out.add(m + " " + path);
            }
        }

        @Override public void startNested(RequestPredicate predicate) { }
        @Override public void endNested(RequestPredicate predicate) { }
        @Override public void resources(Function<ServerRequest, reactor.core.publisher.Mono<Resource>> lookupFunction) { }
        @Override public void attributes(Map<String, Object> attributes) { }
        @Override public void unknown(RouterFunction<?> routerFunction) { }
        @Override public void method(Set<HttpMethod> httpMethods) { httpMethods.forEach(m -> methods.add(m.name())); }
        @Override public void path(String pattern) { path = pattern; }
        @Override public void pathExtension(String extension) { }
        @Override public void header(String name, String value) { }
        @Override public void queryParam(String name, String value) { }
        @Override public void startAnd() { }
        @Override public void and() { }
        @Override public void endAnd() { }
        @Override public void startOr() { }
        @Override public void or() { }
        @Override public void endOr() { }
        @Override public void startNegate() { }
        @Override public void endNegate() { }
        @Override public void unknown(RequestPredicate predicate) { }
        @Override public void version(String version) { }
    }
}
