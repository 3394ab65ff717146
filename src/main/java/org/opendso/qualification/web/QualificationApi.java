package org.opendso.qualification.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendso.action.ActionKind;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.item.web.ItemJson;
import org.opendso.qualification.ConfirmationMails;
import org.opendso.qualification.InvalidQualification;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.QualificationResult;
import org.opendso.qualification.Qualifications;
import org.opendso.qualification.StaleItems;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.status.Statuses;
import org.opendso.tenant.Companies;
import org.opendso.user.StaffUser;
import org.opendso.user.Users;
import org.opendso.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/customers/{account}/qualifications} and {@code .../comments}. */
@Configuration
class QualificationApi {

    private final Customers customers;
    private final Qualifications qualifications;
    private final OpenItems openItems;
    private final Statuses statuses;
    private final Contacts contacts;
    private final Users users;
    private final Companies companies;
    private final ConfirmationMails mails;

    QualificationApi(Customers customers, Qualifications qualifications, OpenItems openItems, Statuses statuses,
                     Contacts contacts, Users users, Companies companies, ConfirmationMails mails) {
        this.customers = customers;
        this.qualifications = qualifications;
        this.openItems = openItems;
        this.statuses = statuses;
        this.contacts = contacts;
        this.users = users;
        this.companies = companies;
        this.mails = mails;
    }

    @Bean
    RouterFunction<ServerResponse> qualificationRoutes() {
        return RouterFunctions.route()
                .POST("/v1/customers/{account}/qualifications", this::qualify)
                .POST("/v1/customers/{account}/comments", this::comment)
                .build();
    }

    record ItemRefJson(String number, String type, Long version) {
    }

    record MailJson(String to, String contact, String user, String subject, String body) {
    }

    record NextActionJson(String kind, String dueDate, String assignee, String note) {
    }

    record QualificationJson(List<ItemRefJson> items, String status, String date, String comment, MailJson email,
                             NextActionJson nextAction) {
    }

    record CommentJson(List<ItemRefJson> items, String comment) {
    }

    private Mono<ServerResponse> qualify(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request).flatMap(customer ->
                request.bodyToMono(QualificationJson.class)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.badField("items", "The request has no body")))
                        .flatMap(body -> toQualification(staff, customer, body))
                        .flatMap(q -> qualifications.qualify(staff, customer.id(), q))
                        .flatMap(result -> ServerResponse.created(URI.create(request.path()))
                                .bodyValue(json(result)))
                        .onErrorMap(InvalidQualification.class, e -> ApiProblem.badField(e.field(), e.getMessage()))
                        .onErrorMap(e -> e instanceof IllegalArgumentException && !(e instanceof InvalidQualification)
                                        && !(e instanceof ApiProblem),
                                e -> new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()))
                        .onErrorMap(StaleItems.class, e -> new ApiProblem(HttpStatus.CONFLICT, "Items changed", e.getMessage())
                                .with("current", e.current().stream().map(QualificationApi::current).toList()))));
    }

    private Mono<ServerResponse> comment(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> visible(staff, request).flatMap(customer ->
                request.bodyToMono(CommentJson.class)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.badField("comment", "The request has no body")))
                        .flatMap(body -> qualifications.comment(staff, customer.id(),
                                body.items() == null ? List.of() : keys(body.items()), body.comment()))
                        .flatMap(event -> ServerResponse.created(URI.create(request.path()))
                                .bodyValue(Map.of("seq", event.seq())))
                        .onErrorMap(InvalidQualification.class, e -> ApiProblem.badField(e.field(), e.getMessage()))));
    }

    private Mono<Qualification> toQualification(Staff staff, Customer customer, QualificationJson body) {
        if (body.items() == null || body.items().isEmpty()) {
            return Mono.error(ApiProblem.badField("items", "List the items to qualify"));
        }
        List<Qualification.ItemRef> refs = new ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            ItemRefJson item = body.items().get(i);
            if (item.version() == null) {
                return Mono.error(ApiProblem.badField("items[" + i + "].version",
                        "Give the version of each item as you read it (optimistic locking)"));
            }
            refs.add(new Qualification.ItemRef(type("items[" + i + "].type", item.type()),
                    required("items[" + i + "].number", item.number()), item.version()));
        }
        LocalDate date = date("date", body.date());
        Mono<Qualification.NextAction> next = body.nextAction() == null ? Mono.empty() : nextAction(staff, body.nextAction());
        Mono<Qualification.ConfirmationMail> mail = body.email() == null ? Mono.empty()
                : mail(staff, customer, body, refs, date);
        return next.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .zipWith(mail.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> new Qualification(refs, body.status(), date, body.comment(), t.getT2().orElse(null),
                        t.getT1().orElse(null)));
    }

    private Mono<Qualification.NextAction> nextAction(Staff staff, NextActionJson json) {
        ActionKind kind;
        try {
            kind = ActionKind.valueOf(required("nextAction.kind", json.kind()));
        } catch (IllegalArgumentException e) {
            return Mono.error(ApiProblem.badField("nextAction.kind", "Unknown kind '" + json.kind() + "'"));
        }
        LocalDate due = date("nextAction.dueDate", required("nextAction.dueDate", json.dueDate()));
        String login = json.assignee() == null ? staff.login() : json.assignee();
        return users.of(staff).filter(u -> u.login().equalsIgnoreCase(login) && u.enabled()).next()
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField("nextAction.assignee", "No active user '" + login + "'")))
                .map(u -> new Qualification.NextAction(kind, due, u.id(), json.note()));
    }

    /** The recipient is an address, a contact of the customer (by name) or a user (by login); text defaults to a draft. */
    private Mono<Qualification.ConfirmationMail> mail(Staff staff, Customer customer, QualificationJson body,
                                                      List<Qualification.ItemRef> refs, LocalDate date) {
        MailJson m = body.email();
        Mono<String[]> recipient;
        if (m.to() != null && !m.to().isBlank()) {
            recipient = Mono.just(new String[] {m.to().strip(), null});
        } else if (m.contact() != null) {
            recipient = contacts.of(staff, customer.id()).filter(c -> c.name().equalsIgnoreCase(m.contact().strip())).next()
                    .filter(c -> c.email() != null && !c.email().isBlank())
                    .map((Contact c) -> new String[] {c.email(), c.name()})
                    .switchIfEmpty(Mono.error(() -> ApiProblem.badField("email.contact",
                            "No contact '" + m.contact() + "' with an email address")));
        } else if (m.user() != null) {
            recipient = users.of(staff).filter(u -> u.login().equalsIgnoreCase(m.user().strip())).next()
                    .filter(u -> u.email() != null && !u.email().isBlank())
                    .map((StaffUser u) -> new String[] {u.email(), u.name()})
                    .switchIfEmpty(Mono.error(() -> ApiProblem.badField("email.user",
                            "No user '" + m.user() + "' with an email address")));
        } else {
            return Mono.error(ApiProblem.badField("email.to", "Give the recipient: to, contact or user"));
        }
        if (m.subject() != null && m.body() != null) {
            return recipient.map(r -> new Qualification.ConfirmationMail(r[0], r[1], m.subject(), m.body()));
        }
        List<OpenItem.Key> keys = refs.stream().map(r -> new OpenItem.Key(r.type(), r.number())).toList();
        return recipient.flatMap(r -> Mono.zip(
                        statuses.byCode(staff.tenantId(), body.status() == null ? "" : body.status()),
                        companies.settings(staff.tenantId()),
                        openItems.byKeys(staff.tenantId(), customer.id(), keys).collectList())
                .map(t -> {
                    var draft = mails.draft(t.getT2().language(), t.getT2().name(), r[1] == null ? customer.name() : r[1],
                            t.getT1(), date == null ? LocalDate.now() : date, body.comment(), t.getT3());
                    return new Qualification.ConfirmationMail(r[0], r[1],
                            m.subject() == null ? draft.subject() : m.subject(), m.body() == null ? draft.bodyHtml() : m.body());
                }));
    }

    private Mono<Customer> visible(Staff staff, ServerRequest request) {
        String account = request.pathVariable("account");
        return customers.find(staff, account)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No customer account '" + account + "' for you")));
    }

    private static List<OpenItem.Key> keys(List<ItemRefJson> items) {
        List<OpenItem.Key> keys = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            keys.add(new OpenItem.Key(type("items[" + i + "].type", items.get(i).type()),
                    required("items[" + i + "].number", items.get(i).number())));
        }
        return keys;
    }

    private static ItemType type(String field, String value) {
        if (value == null) {
            return ItemType.INVOICE;
        }
        try {
            return ItemType.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField(field, "Unknown item type '" + value + "' (INVOICE, CREDIT_NOTE, UNALLOCATED_PAYMENT)");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badField(field, field + " is required");
        }
        return value.strip();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badField(field, "Expected a date as yyyy-MM-dd, got '" + value + "'");
        }
    }

    static Map<String, Object> json(QualificationResult r) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("seq", r.seq());
        body.put("items", r.items().stream().map(ItemJson::of).toList());
        if (r.mailId() != null) {
            body.put("mailId", r.mailId());
        }
        if (r.action() != null) {
            body.put("actionId", r.action().id());
        }
        return body;
    }

    static Map<String, Object> current(OpenItem item) {
        Map<String, Object> json = new java.util.LinkedHashMap<>(ItemJson.of(item));
        json.put("changedBy", item.qualification().changedBy());
        json.put("changedAt", item.qualification().changedAt() == null ? null : item.qualification().changedAt().toString());
        return json;
    }
}
