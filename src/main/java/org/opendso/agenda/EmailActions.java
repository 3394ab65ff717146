package org.opendso.agenda;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.mail.MailOutbox;
import org.opendso.mail.OutgoingMail;
import org.opendso.portal.PortalLinks;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.template.Rendered;
import org.opendso.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carrying out the EMAIL actions of the agenda: the draft a collector edits (recipients from the step, the step's
 * template in the account's language), sending it (the mails queued in the outbox and the action done with the
 * mail's id, in one transaction), the "to confirm" list of automatic-with-confirmation emails with "send all", and
 * the cluster-safe job that sends the automatic ones on their date. Decision 0013.
 */
@Service
public class EmailActions {

    /** The most actions listed, and sent by one "send all". */
    private static final int MAX_CONFIRM = 500;

    private static final Logger log = LoggerFactory.getLogger(EmailActions.class);

    /** The actor of what the automatic sender does. */
    static final Actor SYSTEM = Actor.system("Automatic email");

    /** Deliberately loose (one @, a dot in the domain, no spaces or separators): the SMTP server has the last word. */
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+$");

    private final DatabaseClient db;
    private final Agenda agenda;
    private final Generation generation;
    private final Templates templates;
    private final Contacts contacts;
    private final Customers customers;
    private final MailOutbox outbox;
    private final EventLog events;
    private final TransactionalOperator tx;
    private final PortalLinks portalLinks;

    EmailActions(DatabaseClient db, Agenda agenda, Generation generation, Templates templates, Contacts contacts,
                 Customers customers, MailOutbox outbox, EventLog events, TransactionalOperator tx,
                 PortalLinks portalLinks) {
        this.portalLinks = portalLinks;
        this.db = db;
        this.agenda = agenda;
        this.generation = generation;
        this.templates = templates;
        this.contacts = contacts;
        this.customers = customers;
        this.outbox = outbox;
        this.events = events;
        this.tx = tx;
    }

    /** What the step says about the email: its template and whom it addresses. */
    private record Step(String templateCode, String recipient, Long recipientUserId, String mode) {
    }

    /** The template's text (with hashtags) in the language it was rendered in, and the rendering. */
    private record Text(String subject, String body, Rendered preview) {
    }

    /** The email action, ready to edit; {@link UnknownAction} for an action the caller does not see. */
    public Mono<EmailDraft> draft(Staff staff, long actionId) {
        return email(staff, actionId).flatMap(a -> step(staff.tenantId(), a.id()).flatMap(step ->
                Mono.zip(addresses(staff, a, step), text(staff, a, step)).map(t -> new EmailDraft(a, step.recipient(),
                        t.getT1(), step.templateCode(), t.getT2().preview().language(), t.getT2().subject(),
                        t.getT2().body(), t.getT2().preview()))));
    }

    /**
     * Sends the email of the action and completes it, in one transaction: the composed subject and body (null: the
     * template's) are checked and rendered for the account, one mail per recipient ({@code to} null or empty: the
     * step's recipients) is queued, and the action is done with the first mail's id. A stale {@code version} is an
     * {@link ActionChanged}; an unknown hashtag a {@link org.opendso.template.HashtagProblem}; no address an
     * {@link InvalidAction} on {@code to}. Nothing is saved unless everything succeeds.
     */
    public Mono<EmailSent> send(Staff staff, long actionId, Long version, List<String> to, String subject,
                                String body) {
        return agenda.lockFirst(staff.tenantId()).then(email(staff, actionId))
                .flatMap(a -> check(a, version).thenReturn(a))
                .flatMap(a -> step(staff.tenantId(), a.id()).flatMap(step -> {
                    Mono<Text> text = subject != null && body != null ? Mono.just(new Text(subject, body, null))
                            : text(staff, a, step).map(t -> new Text(subject != null ? subject : t.subject(),
                                    body != null ? body : t.body(), null));
                    Mono<List<EmailAddress>> recipients = to == null || to.stream().allMatch(s -> s == null || s.isBlank())
                            ? addresses(staff, a, step).flatMap(found -> found.isEmpty()
                                    ? Mono.error(noAddress(a, step)) : Mono.just(found))
                            : given(to);
                    return Mono.zip(text, recipients).flatMap(t -> deliver(staff, Actor.of(staff), a, t.getT1(),
                            t.getT2()).flatMap(mails -> agenda.complete(staff, a.id(), a.version(), outcome(t.getT2()),
                                    "", mails.getFirst()).map(done -> new EmailSent(done, mails))));
                }))
                .as(tx::transactional);
    }

    /**
     * The automatic-with-confirmation emails waiting for the caller (administrators: for anyone of the company),
     * due today or late, oldest first.
     */
    public Flux<PlannedAction> toConfirm(Staff staff) {
        return agenda.toConfirm(staff, MAX_CONFIRM);
    }

    /**
     * "Send all": each chosen action waiting for confirmation is sent as its template proposes, in its own
     * transaction, after its account's actions are brought up to date (an account paid since is not chased). One
     * that cannot be sent is reported with the reason and does not stop the others.
     */
    public Mono<Confirmed> confirmAll(Staff staff, Collection<Long> ids) {
        if (ids != null && ids.stream().anyMatch(java.util.Objects::isNull)) {
            return Mono.error(new InvalidAction("ids", "Every id is a number; null is not an action"));
        }
        if (ids != null && ids.size() > MAX_CONFIRM) {
            return Mono.error(new InvalidAction("ids", "At most " + MAX_CONFIRM + " actions at once, not " + ids.size()));
        }
        Map<Long, String> failed = new LinkedHashMap<>();
        return Flux.fromIterable(ids == null ? List.<Long>of() : List.copyOf(new java.util.LinkedHashSet<>(ids)))
                .concatMap(id -> confirm(staff, id)
                        .onErrorResume(e -> e instanceof RuntimeException, e -> {
                            failed.put(id, e.getMessage());
                            return Mono.empty();
                        }))
                .collectList()
                .map(sent -> new Confirmed(sent, failed));
    }

    /** The regeneration commits on its own: an action found obsolete stays so even though it is not sent. */
    private Mono<EmailSent> confirm(Staff staff, long id) {
        return agenda.find(staff, id)
                .flatMap(a -> agenda.regenerate(staff.tenantId(), List.of(a.customerId())))
                .then(Mono.defer(() -> agenda.find(staff, id)))
                .flatMap(a -> "TO_CONFIRM".equals(a.state()) ? send(staff, id, a.version(), null, null, null)
                        : Mono.error(new ActionChanged(a.isWaiting() ? "This action does not wait for a confirmation"
                                : "This action is " + a.state() + " now (the account changed)", a)));
    }

    /**
     * Sends the automatic emails due, every few minutes in office hours: an email is sent on its date, or at the
     * first run after it if the application was down. Off in integration tests, which call {@link #sendDue}.
     */
    @Scheduled(cron = "${opendso.agenda.auto-send-cron:0 */15 8-18 * * *}")
    void scheduled() {
        sendDue(agenda.today()).subscribe(
                n -> log.debug("Sent {} automatic collection emails", n),
                e -> log.warn("Automatic collection emails failed", e));
    }

    /**
     * The AUTO email actions due by {@code today}, each in its own transaction: the tenant's generation lock, the
     * account's actions regenerated (an account paid, promised or disputed since has its action made OBSOLETE and is
     * not written to), the action claimed ({@code for update skip locked}, still PLANNED), the mail queued and the
     * action done. A crash before commit leaves nothing; a run after commit finds the action done: never sent twice.
     * An action that cannot be sent (no address) is logged and stays in the collector's agenda. Emits the number sent.
     */
    Mono<Long> sendDue(LocalDate today) {
        return db.sql("select id from tenant order by id").map((row, meta) -> row.get("id", Long.class)).all()
                .concatMap(tenant -> db.sql("""
                                select id, customer_id from collection_action
                                where tenant_id = :tenant and state = 'PLANNED' and mode = 'AUTO' and kind = 'EMAIL'
                                  and due_date <= :today
                                order by due_date, id""")
                        .bind("tenant", tenant).bind("today", today)
                        .map((row, meta) -> new long[] {row.get("id", Long.class), row.get("customer_id", Long.class)})
                        .all().collectList()
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(c -> sendAutomatic(tenant, c[0], c[1], today)
                                .onErrorResume(e -> {
                                    log.warn("Automatic email of action {} (tenant {}) not sent: {}", c[0], tenant,
                                            e.getMessage());
                                    return Mono.empty();
                                })))
                .count();
    }

    private Mono<Long> sendAutomatic(long tenant, long id, long customerId, LocalDate today) {
        return generation.lock(tenant)
                .then(generation.run(tenant, List.of(customerId), today))
                .then(db.sql("""
                                select assignee_id from collection_action
                                where tenant_id = :tenant and id = :id and state = 'PLANNED' and mode = 'AUTO'
                                  and kind = 'EMAIL' and due_date <= :today
                                for update skip locked""")
                        .bind("tenant", tenant).bind("id", id).bind("today", today)
                        .map((row, meta) -> Optional.ofNullable(row.get("assignee_id", Long.class))).one())
                .flatMap(assignee -> {
                    // the system renders as an administrator of the company would: the account's collector signs
                    // the mail (#CollectorName), the events name the automatic sender
                    Staff system = new Staff(tenant, assignee.orElse(0L), "system", SYSTEM.name(), Role.ADMIN, null);
                    return agenda.find(system, id).flatMap(a -> step(tenant, id).flatMap(step ->
                            Mono.zip(text(system, a, step), addresses(system, a, step))
                                    .flatMap(t -> (t.getT2().isEmpty() ? Mono.<List<Long>>error(noAddress(a, step))
                                            : deliver(system, SYSTEM, a, t.getT1(), t.getT2()))
                                            .flatMap(mails -> doneBySystem(tenant, a, "Sent automatically to "
                                                    + outcome(t.getT2()).substring("Email sent to ".length()),
                                                    mails.getFirst(), today).thenReturn(mails.getFirst())))));
                })
                .as(tx::transactional);
    }

    private Mono<Void> doneBySystem(long tenant, PlannedAction a, String outcome, long mailId, LocalDate today) {
        return db.sql("""
                        update collection_action set state = 'DONE', outcome = :outcome, note = '', mail_id = :mail,
                               done_at = now(), version = version + 1
                        where tenant_id = :tenant and id = :id and state = 'PLANNED' and version = :version""")
                .bind("outcome", outcome).bind("mail", mailId).bind("tenant", tenant)
                .bind("id", a.id()).bind("version", a.version())
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.<Void>empty()
                        : Mono.error(new ActionChanged("This action was changed meanwhile", a)))
                .then(Mono.defer(() -> {
                    Map<String, Object> payload = Agenda.payload(a);
                    payload.put("state", "DONE");
                    payload.put("outcome", outcome);
                    payload.put("note", "");
                    payload.put("mailId", mailId);
                    return events.append(SYSTEM, tenant, a.customerId(), EventType.ACTION_DONE, payload);
                }))
                .then(agenda.generate(tenant, List.of(a.customerId()), today))
                .then();
    }

    /** Renders the text for the account (checking its hashtags) and queues one mail per recipient. */
    private Mono<List<Long>> deliver(Staff staff, Actor actor, PlannedAction a, Text text, List<EmailAddress> to) {
        if (text.subject() == null || text.subject().isBlank()) {
            return Mono.error(new InvalidAction("subject", "Give the email a subject"));
        }
        if (text.body() == null || text.body().isBlank()) {
            return Mono.error(new InvalidAction("body", "Write the email's text (body)"));
        }
        if (to.isEmpty()) {
            return Mono.error(new InvalidAction("to", "Give at least one recipient (to)"));
        }
        String subject = text.subject().strip();
        if (Templates.usesPortalLink(subject, text.body())) {
            // each recipient gets a link of their own (scoped to their contact), created in this transaction:
            // the link exists exactly when its mail does
            return templates.render(staff, a.account(), subject, text.body(), null, agenda.today())
                    .thenMany(Flux.fromIterable(to))
                    .concatMap(addr -> portalLinks.forRecipient(staff, actor, a.customerId(), addr.email())
                            .flatMap(link -> templates.render(staff, a.account(), subject, text.body(), null,
                                    agenda.today(), link.url()))
                            .flatMap(r -> outbox.queue(actor, staff.tenantId(), a.customerId(),
                                    new OutgoingMail(addr.email(), addr.name(), r.subject(), r.body()))))
                    .collectList();
        }
        return templates.render(staff, a.account(), subject, text.body(), null, agenda.today())
                .flatMap(r -> Flux.fromIterable(to)
                        .concatMap(addr -> outbox.queue(actor, staff.tenantId(), a.customerId(),
                                new OutgoingMail(addr.email(), addr.name(), r.subject(), r.body())))
                        .collectList());
    }

    private static InvalidAction noAddress(PlannedAction a, Step step) {
        return new InvalidAction("to", "INTERNAL_USER".equals(step.recipient())
                ? "The user this step writes to has no email address (user email); write the address in 'to'"
                : "Account " + a.account() + " has no email address: give its collection contact an email (contact "
                        + "email) or the account one (customer email), or write the address in 'to'");
    }

    private static String outcome(List<EmailAddress> to) {
        return to.isEmpty() ? "" : "Email sent to " + String.join(", ", to.stream().map(EmailAddress::email).toList());
    }

    /** The action, if the caller sees it and it is an email. */
    private Mono<PlannedAction> email(Staff staff, long actionId) {
        return agenda.find(staff, actionId).flatMap(a -> "EMAIL".equals(a.kind()) ? Mono.just(a)
                : Mono.error(new InvalidAction("kind", "Action " + actionId + " is a " + a.kind()
                        + " action, not an email")));
    }

    private static Mono<Void> check(PlannedAction a, Long version) {
        if (!a.isWaiting()) {
            return Mono.error(new ActionChanged("This action is " + a.state() + " already", a));
        }
        if (version != null && version != a.version()) {
            return Mono.error(new ActionChanged("This action was changed since (version " + a.version() + ", not "
                    + version + ")", a));
        }
        return Mono.empty();
    }

    /** The action's own template code, else its step's; the step's recipient (an orphaned action: the contact). */
    private Mono<Step> step(long tenant, long actionId) {
        return db.sql("""
                        select coalesce(a.template_code, st.template_code) as template_code,
                               coalesce(st.recipient, 'COLLECTION_CONTACT') as recipient, st.recipient_user_id, a.mode
                        from collection_action a
                        left join scenario_step st on st.id = a.step_id and st.tenant_id = a.tenant_id
                        where a.tenant_id = :tenant and a.id = :id""")
                .bind("tenant", tenant).bind("id", actionId)
                .map((row, meta) -> new Step(row.get("template_code", String.class), row.get("recipient", String.class),
                        row.get("recipient_user_id", Long.class), row.get("mode", String.class)))
                .one();
    }

    /** The template's text and its rendering in the account's language; no template: empty text to write. */
    private Mono<Text> text(Staff staff, PlannedAction a, Step step) {
        LocalDate today = agenda.today();
        if (step.templateCode() == null || step.templateCode().isBlank()) {
            return templates.render(staff, a.account(), "", "", null, today).map(r -> new Text("", "", r));
        }
        return templates.render(staff, a.account(), step.templateCode(), null, today)
                .flatMap(r -> templates.one(staff, step.templateCode(), r.language())
                        .map(t -> new Text(t.subject(), t.body(), r)));
    }

    /** Who the step addresses; the account's own address when no contact has one. Empty: nobody has an address. */
    private Mono<List<EmailAddress>> addresses(Staff staff, PlannedAction a, Step step) {
        if ("INTERNAL_USER".equals(step.recipient())) {
            return db.sql("select email, name from app_user where tenant_id = :tenant and id = :id")
                    .bind("tenant", staff.tenantId()).bind("id", step.recipientUserId() == null ? 0L : step.recipientUserId())
                    .map((row, meta) -> new EmailAddress(row.get("email", String.class), row.get("name", String.class)))
                    .all().filter(e -> e.email() != null && !e.email().isBlank()).collectList();
        }
        boolean all = "ALL_CONTACTS".equals(step.recipient());
        Mono<List<EmailAddress>> people = contacts.of(staff, a.customerId())
                .filter(c -> all || c.collectionContact())
                .filter(c -> c.email() != null && !c.email().isBlank())
                .map(c -> new EmailAddress(c.email().strip(), name(c)))
                .collectList();
        return people.flatMap(found -> !found.isEmpty() ? Mono.just(distinct(found))
                : customers.find(staff, a.customerId()).map(c -> own(c)).defaultIfEmpty(List.of()));
    }

    private static String name(Contact c) {
        return c.name() == null || c.name().isBlank() ? null : c.name().strip();
    }

    private static List<EmailAddress> own(Customer c) {
        return c.email() == null || c.email().isBlank() ? List.of() : List.of(new EmailAddress(c.email().strip(), c.name()));
    }

    private static List<EmailAddress> distinct(List<EmailAddress> found) {
        Map<String, EmailAddress> byAddress = new LinkedHashMap<>();
        found.forEach(e -> byAddress.putIfAbsent(e.email().toLowerCase(Locale.ROOT), e));
        return new ArrayList<>(byAddress.values());
    }

    /** The addresses the caller wrote, each checked; the field at fault is {@code to}. */
    private static Mono<List<EmailAddress>> given(List<String> to) {
        List<EmailAddress> out = new ArrayList<>();
        for (String s : to) {
            if (s == null || s.isBlank()) {
                continue;
            }
            String e = s.strip();
            if (!ADDRESS.matcher(e).matches()) {
                return Mono.error(new InvalidAction("to", "'" + e + "' is not an email address"));
            }
            out.add(new EmailAddress(e, null));
        }
        return Mono.just(distinct(out));
    }
}
