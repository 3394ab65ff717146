package org.opendso.web;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** All API routes of all capabilities, combined; paths are relative to /api. */
public record ApiRoutes(RouterFunction<ServerResponse> router) {
}
