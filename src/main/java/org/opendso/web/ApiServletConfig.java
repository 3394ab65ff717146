package org.opendso.web;

import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServletHttpHandlerAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mounts the WebFlux API inside the servlet container that serves Vaadin: every capability's
 * {@code RouterFunction} bean is combined into one reactive {@link HttpHandler}, guarded by the reactive
 * security chain and served at {@code /api/*} through {@link ServletHttpHandlerAdapter} (non-blocking
 * Servlet I/O). Inside, paths are relative to /api. The OpenAPI document is served the same way at /v3/*.
 */
@Configuration
class ApiServletConfig {

    @Bean
    ApiRoutes apiRoutes(List<RouterFunction<ServerResponse>> routes) {
        return new ApiRoutes(routes.stream().reduce(RouterFunction::and).orElseThrow());
    }

    @Bean
    ServletRegistrationBean<ServletHttpHandlerAdapter> apiServlet(
            ApiRoutes routes, SecurityWebFilterChain apiSecurity, JsonMapper json) {
        HttpHandler handler = WebHttpHandlerBuilder
                .webHandler(RouterFunctions.toWebHandler(routes.router(), strategies(json)))
                .filter(ApiServletConfig::noInheritedIdentity, new WebFilterChainProxy(apiSecurity))
                .exceptionHandler(new ApiErrorHandler(json))
                .build();
        var registration = new ServletRegistrationBean<>(new ServletHttpHandlerAdapter(handler), "/api/*");
        registration.setName("opendso-api");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    ServletRegistrationBean<ServletHttpHandlerAdapter> apiDocsServlet(ApiDocs docs, JsonMapper json) {
        HttpHandler handler = WebHttpHandlerBuilder
                .webHandler(RouterFunctions.toWebHandler(docs.routes(), strategies(json)))
                .exceptionHandler(new ApiErrorHandler(json))
                .build();
        var registration = new ServletRegistrationBean<>(new ServletHttpHandlerAdapter(handler), "/v3/*");
        registration.setName("opendso-api-docs");
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * An API request is authenticated by its own headers only. The servlet thread that subscribes to the
     * handler may carry a security context in its thread-locals (Vaadin's session-aware holder, Reactor's
     * context propagation captures thread-locals at that subscription); without this, such a context
     * reached the reactive chain and an anonymous request ran as someone else.
     */
    private static reactor.core.publisher.Mono<Void> noInheritedIdentity(
            org.springframework.web.server.ServerWebExchange exchange, org.springframework.web.server.WebFilterChain chain) {
        return chain.filter(exchange)
                .contextWrite(org.springframework.security.core.context.ReactiveSecurityContextHolder.clearContext());
    }

    static HandlerStrategies strategies(JsonMapper json) {
        return HandlerStrategies.builder()
                .codecs(c -> {
                    c.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
                    c.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
                    c.defaultCodecs().maxInMemorySize(1024 * 1024);
                })
                .build();
    }
}
