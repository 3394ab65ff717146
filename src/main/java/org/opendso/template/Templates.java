package org.opendso.template;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opendso.customer.AssignmentRole;
import org.opendso.customer.Contact;
import org.opendso.customer.Contacts;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItems;
import org.opendso.penalty.Penalties;
import org.opendso.penalty.Penalty;
import org.opendso.security.Staff;
import org.opendso.tenant.Companies;
import org.opendso.tenant.CompanySettings;
import org.opendso.tenant.Logo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The email and letter templates of a company, and their rendering for one customer account. Everyone of the
 * company reads and renders them (on the accounts they see); administrators write them. Hashtags are checked on save
 * and again on render, so a template never sends a blank hole. Standard templates (created with the company) can be
 * edited but not deleted: scenario steps name them by code, and a company can always go back to a working set. A
 * template of the company's own is not deleted either while a scenario step names its code.
 */
@Service
public class Templates {

    static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{2,40}$");
    static final Set<String> LANGUAGES = Set.of("en", "fr");
    static final int MAX_NAME = 80;
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 200_000;
    private static final String COLUMNS = "id, code, language, kind, name, subject, body, standard, version";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Customers customers;
    private final Contacts contacts;
    private final Companies companies;
    private final Penalties penalties;
    private final OpenItems items;

    Templates(DatabaseClient db, TransactionalOperator tx, Customers customers, Contacts contacts, Companies companies,
              Penalties penalties, OpenItems items) {
        this.db = db;
        this.tx = tx;
        this.customers = customers;
        this.contacts = contacts;
        this.companies = companies;
        this.penalties = penalties;
        this.items = items;
    }

    /** Every template of the staff member's company, by code then language. */
    public Flux<Template> all(Staff staff) {
        return db.sql("select " + COLUMNS + " from template where tenant_id = :tenant order by code, language")
                .bind("tenant", staff.tenantId())
                .map(Templates::template)
                .all();
    }

    /** The template with this code (any case) in this language, or empty. */
    public Mono<Template> one(Staff staff, String code, String language) {
        return one(staff.tenantId(), normalCode(code), normalLanguage(language));
    }

    public Mono<Template> create(Staff admin, TemplateDraft draft) {
        return requireAdmin(admin).then(Mono.fromCallable(() -> validate(draft, true)))
                .flatMap(valid -> db.sql("""
                                insert into template (tenant_id, code, language, kind, name, subject, body)
                                values (:tenant, :code, :language, :kind, :name, :subject, :body)""")
                        .bind("tenant", admin.tenantId())
                        .bind("code", valid.code())
                        .bind("language", valid.language())
                        .bind("kind", valid.kind().name())
                        .bind("name", valid.name())
                        .bind("subject", valid.subject())
                        .bind("body", valid.body())
                        .fetch().rowsUpdated()
                        .onErrorMap(DuplicateKeyException.class, e -> new InvalidTemplate("code", "A template "
                                + valid.code() + " already exists in language '" + valid.language() + "'"))
                        .then(Mono.defer(() -> one(admin.tenantId(), valid.code(), valid.language()))));
    }

    /**
     * Changes the kind, name, subject and body of a template (its code and language stay). With a version, only if
     * the template is still at that version (else {@link TemplateChanged}); without one, the last writer wins.
     */
    public Mono<Template> update(Staff admin, String code, String language, TemplateDraft draft, Long expectedVersion) {
        long tenant = admin.tenantId();
        String c = normalCode(code);
        String l = normalLanguage(language);
        return requireAdmin(admin)
                .then(Mono.fromCallable(() -> validate(new TemplateDraft(c, l, draft.kind(), draft.name(),
                        draft.subject(), draft.body()), false)))
                .flatMap(valid -> lock(tenant, c, l).flatMap(current -> expectedVersion != null
                        && current.version() != expectedVersion
                        ? Mono.<Template>error(new TemplateChanged(current, expectedVersion))
                        : db.sql("""
                                        update template set kind = :kind, name = :name, subject = :subject, body = :body,
                                               updated_at = now(), version = version + 1
                                        where tenant_id = :tenant and id = :id""")
                                .bind("kind", valid.kind().name())
                                .bind("name", valid.name())
                                .bind("subject", valid.subject())
                                .bind("body", valid.body())
                                .bind("tenant", tenant)
                                .bind("id", current.id())
                                .fetch().rowsUpdated()
                                .then(Mono.defer(() -> one(tenant, c, l)))))
                .as(tx::transactional);
    }

    /** Deletes a template of the company's own; standard ones and ones a scenario step names are refused. */
    public Mono<Void> delete(Staff admin, String code, String language) {
        long tenant = admin.tenantId();
        String c = normalCode(code);
        String l = normalLanguage(language);
        return requireAdmin(admin).then(lock(tenant, c, l)).flatMap(current -> {
            if (current.standard()) {
                return Mono.error(new InvalidTemplate("code", "Template " + c + " is a standard template: edit it, "
                        + "it cannot be deleted (scenarios name it)"));
            }
            return db.sql("""
                            select string_agg(distinct s.name, ', ' order by s.name) as names
                            from scenario_step st join scenario s on s.id = st.scenario_id and s.tenant_id = st.tenant_id
                            where st.tenant_id = :tenant and st.template_code = :code""")
                    .bind("tenant", tenant)
                    .bind("code", c)
                    .map(row -> Optional.ofNullable(row.get("names", String.class)))
                    .one()
                    .flatMap(names -> names.isPresent()
                            ? Mono.error(new InvalidTemplate("code", "Template " + c + " is used by the scenario(s) "
                                    + names.get() + "; change their steps first"))
                            : db.sql("delete from template where tenant_id = :tenant and id = :id")
                                    .bind("tenant", tenant)
                                    .bind("id", current.id())
                                    .fetch().rowsUpdated().then());
        }).as(tx::transactional);
    }

    /** Checks the hashtags of a subject and a body as a save would, without saving (editor feedback). */
    public static void check(String subject, String body) {
        Hashtags.check("subject", subject, true);
        Hashtags.check("body", body, false);
    }

    /**
     * A subject and body rendered for a customer account the staff member sees, on {@code today}. The language is
     * the one given, else the account's, else the company's.
     *
     * @throws HashtagProblem (in the Mono) for an unknown hashtag, or a table or image in the subject
     * @throws UnknownCustomer (in the Mono) for an account the staff member does not see
     */
    public Mono<Rendered> render(Staff staff, String account, String subject, String body, String language,
                                 LocalDate today) {
        return render(staff, account, subject, body, language, today, null);
    }

    /**
     * Like {@link #render(Staff, String, String, String, String, LocalDate)}, for a mail being sent: #PortalLink
     * becomes {@code portalLink}, the URL of the link created for its recipient (null: a preview's note instead).
     */
    public Mono<Rendered> render(Staff staff, String account, String subject, String body, String language,
                                 LocalDate today, String portalLink) {
        return Mono.fromRunnable(() -> check(subject, body))
                .then(visible(staff, account))
                .flatMap(customer -> languageOf(staff.tenantId(), customer.id(), language)
                        .flatMap(lang -> data(staff, customer, lang, today, body != null && body.contains("#CompanyLogo"),
                                portalLink)))
                .map(data -> TemplateRenderer.render(subject, body, data));
    }

    /** Whether a text asks for a portal link: sending it then creates one per recipient. */
    public static boolean usesPortalLink(String subject, String body) {
        return Hashtags.tokens(subject).stream().anyMatch(t -> t.hashtag() == Hashtag.PORTAL_LINK)
                || Hashtags.tokens(body).stream().anyMatch(t -> t.hashtag() == Hashtag.PORTAL_LINK);
    }

    /** The template with this code rendered for a customer account, in the given language or the account's. */
    public Mono<Rendered> render(Staff staff, String account, String code, String language, LocalDate today) {
        String c = normalCode(code);
        return visible(staff, account)
                .flatMap(customer -> languageOf(staff.tenantId(), customer.id(), language))
                .flatMap(lang -> one(staff.tenantId(), c, lang)
                        .switchIfEmpty(Mono.error(() -> new UnknownTemplate(c, lang)))
                        .flatMap(t -> t.kind() == TemplateKind.LETTER && usesPortalLink(t.subject(), t.body())
                                ? Mono.error(letterWithPortalLink())
                                : render(staff, account, t.subject(), t.body(), lang, today)));
    }

    private Mono<Customer> visible(Staff staff, String account) {
        return customers.find(staff, account == null ? "" : account.strip())
                .switchIfEmpty(Mono.error(() -> new UnknownCustomer(account)));
    }

    private Mono<String> languageOf(long tenant, long customerId, String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            String l = normalLanguage(wanted);
            return LANGUAGES.contains(l) ? Mono.just(l)
                    : Mono.error(new InvalidTemplate("language", "The language is 'en' or 'fr', not '" + wanted + "'"));
        }
        return db.sql("""
                        select coalesce(c.language, t.language) as language
                        from customer c join tenant t on t.id = c.tenant_id
                        where c.tenant_id = :tenant and c.id = :id""")
                .bind("tenant", tenant)
                .bind("id", customerId)
                .map(row -> row.get("language", String.class))
                .one();
    }

    private Mono<MergeData> data(Staff staff, Customer customer, String lang, LocalDate today, boolean withLogo,
                                 String portalLink) {
        long tenant = staff.tenantId();
        Mono<Optional<String>> contact = contacts.of(staff, customer.id())
                .filter(Contact::collectionContact).next()
                .map(ct -> Optional.ofNullable(ct.name())).defaultIfEmpty(Optional.empty());
        // the first collector of the account writes; an account without one is written by whoever sends
        long writerId = customer.assignees().stream().filter(a -> a.role() == AssignmentRole.COLLECTOR)
                .map(a -> a.userId()).findFirst().orElse(staff.userId());
        Mono<String[]> writer = db.sql("select name, email from app_user where tenant_id = :tenant and id = :id")
                .bind("tenant", tenant)
                .bind("id", writerId)
                .map(row -> new String[] {row.get("name", String.class), row.get("email", String.class)})
                .one()
                .defaultIfEmpty(new String[] {staff.name(), ""});
        Mono<Optional<Logo>> logo = withLogo
                ? companies.logo(tenant).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return Mono.zip(contact, writer, companies.settings(tenant), logo,
                        penalties.ofAccount(tenant, customer.id(), today).defaultIfEmpty(Penalty.NONE),
                        items.ofCustomer(tenant, customer.id(), ItemFilter.OPEN).collectList())
                .map(t -> {
                    CompanySettings company = t.getT3();
                    String currency = customer.currency() == null || customer.currency().isBlank()
                            ? company.mainCurrency() : customer.currency().strip();
                    return new MergeData(lang, currency, customer.name(), customer.account(), t.getT1().orElse(null),
                            customer.balance(), customer.overdue(), customer.oldestOverdue(), t.getT5().penalty(),
                            t.getT5().indemnity(), t.getT6(), company.name(), address(company), t.getT4().orElse(null),
                            t.getT2()[0], t.getT2()[1] == null ? "" : t.getT2()[1], today, portalLink);
                });
    }

    private static List<String> address(CompanySettings c) {
        List<String> lines = new ArrayList<>();
        if (c.address() != null && !c.address().isBlank()) {
            c.address().lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(lines::add);
        }
        String town = ((c.postalCode() == null ? "" : c.postalCode().strip()) + " "
                + (c.city() == null ? "" : c.city().strip())).strip();
        if (!town.isEmpty()) {
            lines.add(town);
        }
        if (c.country() != null && !c.country().isBlank()) {
            lines.add(c.country().strip());
        }
        return lines;
    }

    /** Checks a draft; the first mistake is reported with its field (hashtags with their position). */
    private static TemplateDraft validate(TemplateDraft draft, boolean creating) {
        String code = normalCode(draft.code());
        if (creating && !CODE.matcher(code).matches()) {
            throw new InvalidTemplate("code", "A template code has 2 to 40 letters A-Z, digits or underscores; '"
                    + (draft.code() == null ? "" : draft.code()) + "' does not fit");
        }
        String language = normalLanguage(draft.language());
        if (!LANGUAGES.contains(language)) {
            throw new InvalidTemplate("language", "The language is 'en' or 'fr'");
        }
        if (draft.kind() == null) {
            throw new InvalidTemplate("kind", "Choose the kind: EMAIL or LETTER");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new InvalidTemplate("name", "Give the template a name of 1 to " + MAX_NAME + " characters");
        }
        String subject = draft.subject() == null ? "" : draft.subject().strip();
        if (subject.length() > MAX_SUBJECT || subject.contains("\n")) {
            throw new InvalidTemplate("subject", "A subject is one line of at most " + MAX_SUBJECT + " characters");
        }
        String body = draft.body() == null ? "" : draft.body();
        if (body.length() > MAX_BODY) {
            throw new InvalidTemplate("body", "A body has at most " + MAX_BODY + " characters");
        }
        check(subject, body);
        if (draft.kind() == TemplateKind.LETTER && usesPortalLink(subject, body)) {
            throw letterWithPortalLink();
        }
        return new TemplateDraft(code, language, draft.kind(), name, subject, body);
    }

    /** A personal link is made for an email's recipient; a printed letter has none to carry. */
    private static InvalidTemplate letterWithPortalLink() {
        return new InvalidTemplate("body", "#PortalLink works in emails only: a letter cannot carry a personal link");
    }

    private Mono<Template> lock(long tenant, String code, String language) {
        return db.sql("select " + COLUMNS + " from template where tenant_id = :tenant and code = :code "
                        + "and language = :language for update")
                .bind("tenant", tenant)
                .bind("code", code)
                .bind("language", language)
                .map(Templates::template)
                .one()
                .switchIfEmpty(Mono.error(() -> new UnknownTemplate(code, language)));
    }

    private Mono<Template> one(long tenant, String code, String language) {
        return db.sql("select " + COLUMNS + " from template where tenant_id = :tenant and code = :code "
                        + "and language = :language")
                .bind("tenant", tenant)
                .bind("code", code)
                .bind("language", language)
                .map(Templates::template)
                .one();
    }

    static String normalCode(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    static String normalLanguage(String language) {
        return language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    }

    private static Mono<Void> requireAdmin(Staff staff) {
        return staff.isAdmin() ? Mono.empty()
                : Mono.error(new AccessDeniedException("Only an administrator writes templates"));
    }

    private static Template template(Readable row) {
        return new Template(
                row.get("id", Long.class),
                row.get("code", String.class),
                row.get("language", String.class),
                TemplateKind.valueOf(row.get("kind", String.class)),
                row.get("name", String.class),
                row.get("subject", String.class),
                row.get("body", String.class),
                Boolean.TRUE.equals(row.get("standard", Boolean.class)),
                row.get("version", Long.class));
    }
}
