package org.opendso.portal.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.item.web.ItemJson;
import org.opendso.portal.Documents;
import org.opendso.portal.InvalidPortalRequest;
import org.opendso.portal.IssuedPortalLink;
import org.opendso.portal.ItemDocument;
import org.opendso.portal.PortalLink;
import org.opendso.portal.PortalLinks;
import org.opendso.portal.Submission;
import org.opendso.portal.SubmissionDecided;
import org.opendso.portal.SubmissionDecision;
import org.opendso.portal.Submissions;
import org.opendso.portal.UnknownPortalLink;
import org.opendso.qualification.InvalidQualification;
import org.opendso.qualification.StaleItems;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The portal for API clients: an account's links ({@code GET/POST .../portal-links}, {@code DELETE
 * .../portal-links/{id}}), its customers' submissions and the decisions on them, invoice PDFs ({@code PUT
 * .../items/{type}/{number}/document}) and the company's link validity ({@code GET/PUT /v1/settings/portal}).
 */
@Configuration
class PortalApi {

    private final Customers customers;
    private final Contacts contacts;
    private final PortalLinks links;
    private final Submissions submissions;
    private final Documents documents;

    PortalApi(Customers customers, Contacts contacts, PortalLinks links, Submissions submissions, Documents documents) {
        this.customers = customers;
        this.contacts = contacts;
        this.links = links;
        this.submissions = submissions;
        this.documents = documents;
    }

    @Bean
    RouterFunction<ServerResponse> portalRoutes() {
        return RouterFunctions.route()
                .GET("/v1/customers/{account}/portal-links", this::listLinks)
                .POST("/v1/customers/{account}/portal-links", this::createLink)
                .DELETE("/v1/customers/{account}/portal-links/{id}", this::revokeLink)
                .GET("/v1/customers/{account}/portal-submissions", this::listSubmissions)
                .POST("/v1/portal-submissions/{id}/validate", this::validate)
                .POST("/v1/portal-submissions/{id}/reject", this::reject)
                .GET("/v1/customers/{account}/documents", this::listDocuments)
                .PUT("/v1/customers/{account}/items/{type}/{number}/document", this::attach)
                .GET("/v1/settings/portal", this::settings)
                .PUT("/v1/settings/portal", this::changeSettings)
                .build();
    }

    private Mono<ServerResponse> listLinks(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request)
                .flatMap(c -> links.of(staff, c.id()).map(PortalApi::json).collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    private Mono<ServerResponse> createLink(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request).flatMap(c ->
                request.bodyToMono(JsonNode.class).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(body -> contactId(staff, c, body.map(b -> b.get("contact")).orElse(null)))
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(contact -> links.create(staff, c.id(), contact.orElse(null)))
                        .flatMap(issued -> ServerResponse.created(URI.create(request.path() + "/" + issued.link().id()))
                                .bodyValue(json(issued)))))
                .onErrorMap(PortalApi::problem);
    }

    private Mono<ServerResponse> revokeLink(ServerRequest request) {
        long id = id(request, "No portal link ");
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request)
                        .flatMap(c -> links.revoke(staff, c.id(), id)))
                .flatMap(link -> ServerResponse.ok().bodyValue(json(link)))
                .onErrorMap(PortalApi::problem);
    }

    private Mono<ServerResponse> listSubmissions(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request)
                .flatMap(c -> submissions.of(staff, c.id()).map(PortalApi::json).collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    private Mono<ServerResponse> validate(ServerRequest request) {
        long id = id(request, "No customer message ");
        return CurrentStaff.reactive().flatMap(staff -> body(request, "version")
                        .flatMap(b -> submissions.validate(staff, id, new SubmissionDecision(version(b),
                                text(b, "status"), text(b, "answer")))))
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s)))
                .onErrorMap(PortalApi::problem);
    }

    private Mono<ServerResponse> reject(ServerRequest request) {
        long id = id(request, "No customer message ");
        return CurrentStaff.reactive().flatMap(staff -> body(request, "reason")
                        .flatMap(b -> submissions.reject(staff, id, version(b), text(b, "reason"))))
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s)))
                .onErrorMap(PortalApi::problem);
    }

    private Mono<ServerResponse> listDocuments(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request)
                .flatMap(c -> documents.of(staff, c.id()).map(PortalApi::json).collectList())
                .flatMap(list -> ServerResponse.ok().bodyValue(list)));
    }

    /** The body is the PDF itself ({@code application/pdf}); its name from {@code ?fileName=}, else the number's. */
    private Mono<ServerResponse> attach(ServerRequest request) {
        ItemType type = type(request.pathVariable("type"));
        String number = request.pathVariable("number");
        if (!request.headers().contentType().map(MediaType.APPLICATION_PDF::isCompatibleWith).orElse(false)) {
            return Mono.error(new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a PDF",
                    "Send the document as application/pdf").with("field", "document"));
        }
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request).flatMap(c ->
                        DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), Documents.MAX_BYTES)
                                .map(buffer -> {
                                    byte[] bytes = new byte[buffer.readableByteCount()];
                                    buffer.read(bytes);
                                    DataBufferUtils.release(buffer);
                                    return bytes;
                                })
                                .defaultIfEmpty(new byte[0])
                                .flatMap(bytes -> documents.attach(staff, c.id(), type, number,
                                        request.queryParam("fileName").orElse(null), bytes))))
                .flatMap(d -> ServerResponse.ok().bodyValue(json(d)))
                .onErrorMap(DataBufferLimitException.class, e -> new ApiProblem(HttpStatus.CONTENT_TOO_LARGE,
                        "Document too large", "A document has at most " + Documents.MAX_BYTES / 1024 / 1024 + " MB")
                        .with("field", "document"))
                .onErrorMap(PortalApi::problem);
    }

    private Mono<ServerResponse> settings(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> links.linkDays(staff.tenantId()))
                .flatMap(days -> ServerResponse.ok().bodyValue(Map.of("linkDays", days)));
    }

    private Mono<ServerResponse> changeSettings(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> body(request, "linkDays").flatMap(b -> {
                    JsonNode days = b.get("linkDays");
                    if (days == null || !days.isIntegralNumber() || !days.canConvertToInt()) {
                        return Mono.error(ApiProblem.badField("linkDays", "linkDays is a whole number of days"));
                    }
                    return links.changeLinkDays(staff, days.asInt());
                }))
                .flatMap(days -> ServerResponse.ok().bodyValue(Map.of("linkDays", days)))
                .onErrorMap(PortalApi::problem);
    }

    /** {@code contact}: a contact's id, or their name or email address. */
    private Mono<Long> contactId(Staff staff, Customer c, JsonNode contact) {
        if (contact == null || contact.isNull()) {
            return Mono.empty();
        }
        if (contact.isIntegralNumber()) {
            return Mono.just(contact.asLong());
        }
        if (!contact.isString() || contact.asString().isBlank()) {
            return Mono.error(ApiProblem.badField("contact", "contact is a contact's id, name or email address"));
        }
        String wanted = contact.asString().strip();
        return contacts.of(staff, c.id())
                .filter(k -> wanted.equalsIgnoreCase(k.name()) || wanted.equalsIgnoreCase(k.email()))
                .map(Contact::id).next()
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField("contact",
                        "No contact '" + wanted + "' on account " + c.account())));
    }

    private Mono<Customer> visible(Staff staff, ServerRequest request) {
        String account = request.pathVariable("account");
        return customers.find(staff, account)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No customer " + account)));
    }

    private static Mono<JsonNode> body(ServerRequest request, String field) {
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField(field, "The request has no body")))
                .flatMap(b -> b.isObject() ? Mono.just(b)
                        : Mono.error(ApiProblem.badField(field, "The body is a JSON object")));
    }

    private static long version(JsonNode body) {
        JsonNode v = body.get("version");
        if (v == null || !v.isIntegralNumber()) {
            throw ApiProblem.badField("version", "Give the message's version as you read it (optimistic locking)");
        }
        return v.asLong();
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiProblem.badField(field, field + " is a text");
        }
        return v.asString();
    }

    private static long id(ServerRequest request, String unknown) {
        try {
            return Long.parseLong(request.pathVariable("id"));
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound(unknown + request.pathVariable("id"));
        }
    }

    private static ItemType type(String value) {
        try {
            return ItemType.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("type", "Unknown item type '" + value + "' (INVOICE, CREDIT_NOTE, UNALLOCATED_PAYMENT)");
        }
    }

    private static Throwable problem(Throwable e) {
        return switch (e) {
            case ApiProblem p -> p;
            case InvalidPortalRequest i -> ApiProblem.badField(i.field(), i.getMessage());
            case InvalidQualification i -> ApiProblem.badField(i.field(), i.getMessage());
            case UnknownPortalLink u -> ApiProblem.notFound(u.getMessage());
            case SubmissionDecided d -> new ApiProblem(HttpStatus.CONFLICT, "Already decided", d.getMessage())
                    .with("current", json(d.current()));
            case StaleItems s -> new ApiProblem(HttpStatus.CONFLICT, "Items changed", s.getMessage())
                    .with("current", s.current().stream().map(ItemJson::of).toList());
            default -> e;
        };
    }

    static Map<String, Object> json(IssuedPortalLink issued) {
        Map<String, Object> m = json(issued.link());
        m.put("url", issued.url());
        return m;
    }

    static Map<String, Object> json(PortalLink l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("contactId", l.contactId());
        m.put("contact", l.contactName());
        m.put("email", l.contactEmail());
        m.put("createdBy", l.createdBy());
        m.put("createdAt", l.createdAt());
        m.put("expiresAt", l.expiresAt());
        m.put("revokedAt", l.revokedAt());
        m.put("revokedBy", l.revokedBy());
        m.put("lastUsedAt", l.lastUsedAt());
        m.put("state", l.state(java.time.Instant.now()).name());
        return m;
    }

    static Map<String, Object> json(Submission s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("kind", s.kind().name());
        m.put("items", s.items().stream().map(PortalApi::key).toList());
        m.put("promisedDate", s.promisedDate() == null ? null : s.promisedDate().toString());
        m.put("comment", s.comment());
        m.put("contact", s.contactName());
        m.put("state", s.state().name());
        m.put("decidedBy", s.decidedBy());
        m.put("decidedAt", s.decidedAt());
        m.put("answer", s.answer());
        m.put("createdAt", s.createdAt());
        m.put("version", s.version());
        return m;
    }

    static Map<String, Object> json(ItemDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", d.itemId());
        m.put("type", d.type().name());
        m.put("number", d.number());
        m.put("fileName", d.fileName());
        m.put("size", d.size());
        m.put("uploadedAt", d.uploadedAt());
        m.put("uploadedBy", d.uploadedBy());
        return m;
    }

    private static Map<String, Object> key(OpenItem.Key k) {
        return Map.of("type", k.type().name(), "number", k.number());
    }
}
