package org.opendso.agenda;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.mail.MailAttachment;
import org.opendso.mail.MailOutbox;
import org.opendso.mail.OutgoingMail;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.opendso.template.Rendered;
import org.opendso.template.Templates;
import org.opendso.tenant.CompanySettings;
import org.opendso.tenant.Companies;
import org.opendso.tenant.Logo;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Carries out the LETTER actions of the accounts a staff member sees: the letter of the step's template rendered
 * for the account and laid out as a PDF, then either printed and posted by the collector ({@link #markSent}) or
 * emailed as an attachment ({@link #emailAsAttachment}). Either way the action is done and the account's log says
 * which letter went out and how (LETTER_PRINTED), in one transaction with the completion (and the mail).
 */
@Service
public class LetterActions {

    /** The letter of a step without a template of its own (a call replaced by a letter, say). */
    static final String DEFAULT_TEMPLATE = "FORMAL_NOTICE";
    static final String SENT_BY_POST = "SENT_BY_POST";
    static final String SENT_BY_EMAIL = "SENT_BY_EMAIL";

    private final Agenda agenda;
    private final DatabaseClient db;
    private final Customers customers;
    private final Contacts contacts;
    private final Companies companies;
    private final Templates templates;
    private final LetterRenderer renderer;
    private final MailOutbox outbox;
    private final EventLog events;
    private final TransactionalOperator tx;

    LetterActions(Agenda agenda, DatabaseClient db, Customers customers, Contacts contacts, Companies companies,
                  Templates templates, LetterRenderer renderer, MailOutbox outbox, EventLog events,
                  TransactionalOperator tx) {
        this.agenda = agenda;
        this.db = db;
        this.customers = customers;
        this.contacts = contacts;
        this.companies = companies;
        this.templates = templates;
        this.renderer = renderer;
        this.outbox = outbox;
        this.events = events;
        this.tx = tx;
    }

    /** The letter as it prints today, for any state of the action (a done letter can be printed again). */
    public Mono<LetterPdf> pdf(Staff staff, long actionId) {
        return prepare(staff, actionId).flatMap(this::pdf);
    }

    /** Printed and posted by the collector: the action is done (SENT_BY_POST) and LETTER_PRINTED logged. */
    public Mono<PlannedAction> markSent(Staff staff, long actionId, Long version) {
        return agenda.lockFirst(staff.tenantId()).then(prepare(staff, actionId))
                .flatMap(letter -> printed(staff, letter, "POST", null, null)
                        .then(agenda.complete(staff, actionId, version, SENT_BY_POST, "", null)))
                .as(tx::transactional);
    }

    /**
     * Emailed to {@code to} with the PDF attached and a short cover note in the letter's language: the mail is
     * queued, LETTER_PRINTED logged and the action done with the mail's id, all in one transaction (a stale
     * version queues nothing). The PDF is laid out before the transaction opens.
     */
    public Mono<PlannedAction> emailAsAttachment(Staff staff, long actionId, Long version, String to) {
        String recipient;
        try {
            recipient = address(to);
        } catch (InvalidAction e) {
            return Mono.error(e);
        }
        return prepare(staff, actionId)
                .flatMap(letter -> pdf(letter).flatMap(pdf -> {
                    OutgoingMail mail = new OutgoingMail(recipient, letter.nameOf(recipient), pdf.subject(),
                            cover(letter), List.of(new MailAttachment(pdf.fileName(), "application/pdf", pdf.content())));
                    return agenda.lockFirst(staff.tenantId())
                            .then(outbox.queue(Actor.of(staff), staff.tenantId(), letter.action().customerId(), mail))
                            .flatMap(mailId -> printed(staff, letter, "EMAIL", recipient, mailId)
                                    .then(agenda.complete(staff, actionId, version, SENT_BY_EMAIL, "", mailId)))
                            .as(tx::transactional);
                }));
    }

    /** Whom a letter's email goes to by default: the collection contact's address, else the account's. */
    public Mono<String> defaultRecipient(Staff staff, long actionId) {
        return letterAction(staff, actionId)
                .flatMap(action -> customers.find(staff, action.customerId())
                        .zipWith(contacts.of(staff, action.customerId()).collectList()))
                .map(t -> t.getT2().stream().filter(Contact::collectionContact).map(Contact::email)
                        .filter(e -> e != null && !e.isBlank()).findFirst()
                        .or(() -> Optional.ofNullable(t.getT1().email()).filter(e -> !e.isBlank()))
                        .orElse(""));
    }

    /** Everything a letter needs, gathered and rendered for today. */
    record Prepared(PlannedAction action, Customer customer, List<Contact> contacts, Rendered rendered, Letter letter) {

        String nameOf(String email) {
            return contacts.stream().filter(c -> email.equalsIgnoreCase(c.email())).map(Contact::name)
                    .filter(n -> n != null && !n.isBlank()).findFirst().orElse(null);
        }
    }

    private Mono<PlannedAction> letterAction(Staff staff, long actionId) {
        return agenda.find(staff, actionId)
                .flatMap(a -> "LETTER".equals(a.kind()) ? Mono.just(a) : Mono.error(new WrongKind(a, "LETTER")));
    }

    private Mono<Prepared> prepare(Staff staff, long actionId) {
        LocalDate today = agenda.today();
        return letterAction(staff, actionId).flatMap(action -> Mono.zip(
                        customers.find(staff, action.customerId()).switchIfEmpty(Mono.error(() -> new UnknownAction(actionId))),
                        contacts.of(staff, action.customerId()).collectList(),
                        templateOf(staff.tenantId(), actionId),
                        companies.settings(staff.tenantId()),
                        companies.logo(staff.tenantId()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(t -> templates.render(staff, t.getT1().account(), t.getT3(), null, today)
                        .map(rendered -> {
                            Customer customer = t.getT1();
                            CompanySettings company = t.getT4();
                            String attention = t.getT2().stream().filter(Contact::collectionContact).map(Contact::name)
                                    .filter(n -> n != null && !n.isBlank()).findFirst().orElse(null);
                            Letter letter = new Letter(rendered.language(), company.name(), companyAddress(company),
                                    t.getT5().orElse(null), customer.name(), attention, customerAddress(customer),
                                    company.city(), today, rendered.subject(), rendered.body());
                            return new Prepared(action, customer, t.getT2(), rendered, letter);
                        })));
    }

    private Mono<String> templateOf(long tenantId, long actionId) {
        return db.sql("select coalesce(template_code, '') as code from collection_action where tenant_id = :t and id = :id")
                .bind("t", tenantId).bind("id", actionId)
                .map((row, meta) -> row.get("code", String.class)).one()
                .map(code -> code.isBlank() ? DEFAULT_TEMPLATE : code)
                .defaultIfEmpty(DEFAULT_TEMPLATE);
    }

    private Mono<LetterPdf> pdf(Prepared p) {
        return renderer.pdf(p.letter()).map(bytes -> new LetterPdf(fileName(p), p.rendered().subject(),
                p.rendered().language(), bytes));
    }

    private Mono<Void> printed(Staff staff, Prepared p, String channel, String to, Long mailId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actionId", p.action().id());
        payload.put("subject", p.rendered().subject());
        payload.put("language", p.rendered().language());
        payload.put("channel", channel);
        if (to != null) {
            payload.put("to", to);
            payload.put("mailId", mailId);
        }
        return events.append(Actor.of(staff), staff.tenantId(), p.action().customerId(), EventType.LETTER_PRINTED,
                payload).then();
    }

    /** "letter-C-001-2026-03-10.pdf": the account and the day, in characters every file system takes. */
    static String fileName(Prepared p) {
        String account = p.customer().account().replaceAll("[^A-Za-z0-9._-]+", "_");
        return ("fr".equals(p.rendered().language()) ? "courrier-" : "letter-") + account + "-"
                + p.letter().date() + ".pdf";
    }

    /** The cover note of an emailed letter: a fixed sentence in the letter's language, values escaped. */
    static String cover(Prepared p) {
        boolean fr = "fr".equals(p.rendered().language());
        String subject = escape(p.rendered().subject());
        String company = escape(p.letter().companyName());
        return fr
                ? "<p>Madame, Monsieur,</p><p>Veuillez trouver ci-joint notre courrier « " + subject
                        + " » concernant votre compte " + escape(p.customer().account()) + ".</p>"
                        + "<p>Cordialement,</p><p>" + company + "</p>"
                : "<p>Dear Sir or Madam,</p><p>Please find attached our letter “" + subject
                        + "” about your account " + escape(p.customer().account()) + ".</p>"
                        + "<p>Kind regards,</p><p>" + company + "</p>";
    }

    static String address(String to) {
        String value = to == null ? "" : to.strip();
        if (value.isEmpty()) {
            throw new InvalidAction("to", "Give the email address to send the letter to");
        }
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            if (!value.contains("@") || parsed.getAddress().contains(" ") || !parsed.getAddress().equals(value)) {
                throw new AddressException("not a bare address");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidAction("to", "'" + value + "' is not an email address");
        }
    }

    private static List<String> companyAddress(CompanySettings c) {
        return lines(c.address(), c.postalCode(), c.city(), c.country());
    }

    /** The account's postal address as a French envelope writes it: street lines, "postcode town", country. */
    private static List<String> customerAddress(Customer c) {
        return lines(c.address(), c.postalCode(), c.city(), c.country());
    }

    private static List<String> lines(String street, String postalCode, String city, String country) {
        List<String> lines = new ArrayList<>();
        if (street != null) {
            street.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(lines::add);
        }
        String town = ((postalCode == null ? "" : postalCode.strip()) + " " + (city == null ? "" : city.strip())).strip();
        if (!town.isEmpty()) {
            lines.add(town);
        }
        if (country != null && !country.isBlank()) {
            lines.add(country.strip().toUpperCase(Locale.ROOT));
        }
        return lines;
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
