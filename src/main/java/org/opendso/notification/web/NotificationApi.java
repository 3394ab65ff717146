package org.opendso.notification.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opendso.notification.EmailPreference;
import org.opendso.notification.NotificationSettings;
import org.opendso.notification.NotificationTexts;
import org.opendso.notification.Notifications;
import org.opendso.notification.SettingsChanged;
import org.opendso.notification.UserNotification;
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

/**
 * The caller's own notifications: {@code GET /api/v1/me/notifications} (newest first, {@code unread=true}),
 * {@code POST /api/v1/me/notifications/{id}/read}, {@code POST /api/v1/me/notifications/read-all}, and
 * {@code GET/PUT /api/v1/me/notification-settings} ({@code {"email": "IMMEDIATE|DAILY_DIGEST|NONE", "version"}}).
 */
@Configuration
class NotificationApi {

    private final Notifications notifications;
    private final NotificationTexts texts;

    NotificationApi(Notifications notifications, NotificationTexts texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @Bean
    RouterFunction<ServerResponse> notificationRoutes() {
        return RouterFunctions.route()
                .GET("/v1/me/notifications", this::list)
                .POST("/v1/me/notifications/read-all", this::readAll)
                .POST("/v1/me/notifications/{id}/read", this::read)
                .GET("/v1/me/notification-settings", this::settings)
                .PUT("/v1/me/notification-settings", this::update)
                .build();
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        boolean unread = request.queryParam("unread").map(Boolean::parseBoolean).orElse(false);
        int page = QueryParams.integer(request, "page", 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer(request, "size", 50, 1, 500);
        return CurrentStaff.reactive().flatMap(staff -> {
                    Locale locale = Locale.forLanguageTag(staff.locale());
                    return Mono.zip(notifications.list(staff, unread, (long) page * size, size)
                                    .map(n -> json(n, locale)).collectList(),
                            notifications.count(staff, unread), notifications.count(staff, true));
                })
                .flatMap(t -> ServerResponse.ok().bodyValue(Map.of("content", t.getT1(), "page", page, "size", size,
                        "total", t.getT2(), "unread", t.getT3())));
    }

    private Mono<ServerResponse> read(ServerRequest request) {
        long id;
        try {
            id = Long.parseLong(request.pathVariable("id"));
        } catch (NumberFormatException e) {
            return Mono.error(ApiProblem.notFound("No notification " + request.pathVariable("id")));
        }
        return CurrentStaff.reactive().flatMap(staff -> notifications.markRead(staff, id))
                .flatMap(changed -> ServerResponse.ok().bodyValue(Map.of("read", changed)));
    }

    private Mono<ServerResponse> readAll(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(notifications::markAllRead)
                .flatMap(n -> ServerResponse.ok().bodyValue(Map.of("marked", n)));
    }

    private Mono<ServerResponse> settings(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(notifications::settings)
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s)));
    }

    private Mono<ServerResponse> update(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(JsonNode.class)
                        .switchIfEmpty(Mono.error(() -> invalid("email", "Send {\"email\": \"IMMEDIATE\"}")))
                        .flatMap(b -> {
                            JsonNode email = b.get("email");
                            if (email == null || !email.isString()) {
                                return Mono.error(invalid("email", "Choose 'email' among " + List.of(EmailPreference.values())));
                            }
                            EmailPreference pref;
                            try {
                                pref = EmailPreference.valueOf(email.asString().strip().toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException e) {
                                return Mono.error(invalid("email", "Unknown choice '" + email.asString() + "' ("
                                        + List.of(EmailPreference.values()) + ")"));
                            }
                            JsonNode version = b.get("version");
                            if (version != null && !version.isNull() && !version.isIntegralNumber()) {
                                return Mono.error(invalid("version", "'version' is the number read with the settings"));
                            }
                            return notifications.update(staff, pref,
                                    version == null || version.isNull() ? null : version.asLong());
                        }))
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s)))
                .onErrorMap(SettingsChanged.class, c -> new ApiProblem(HttpStatus.CONFLICT, "Settings changed",
                        c.getMessage()).with("field", "version").with("current", json(c.current())));
    }

    private static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid notification settings", detail).with("field", field);
    }

    private static Map<String, Object> json(NotificationSettings s) {
        return Map.of("email", s.email().name(), "version", s.version());
    }

    private Map<String, Object> json(UserNotification n, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("kind", n.kind().name());
        m.put("customer", n.account());
        m.put("customerName", n.customerName());
        m.put("specificActionId", n.actionId());
        m.put("text", texts.text(n, locale));
        m.put("detail", texts.detail(n));
        m.put("link", texts.link(n));
        m.put("by", n.actorName());
        m.put("createdAt", n.createdAt().toString());
        m.put("readAt", n.readAt() == null ? null : n.readAt().toString());
        return m;
    }
}
