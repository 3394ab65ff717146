package org.opendso.scenario;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.opendso.customer.Customer;
import org.opendso.customer.CustomerQuery;
import org.opendso.customer.Customers;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The collection scenarios of a tenant and which one each customer account follows. Everyone reads them;
 * administrators write them. Exactly one scenario is the tenant's default, followed by every account without a
 * scenario of its own; it cannot be deleted. A scenario followed by accounts is deleted only together with moving
 * them to a replacement, in one transaction that also tells each moved account's log.
 */
@Service
public class Scenarios {

    static final String COLUMNS = "id, name, description, is_default, standard, version";
    static final int MAX_NAME = 80;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_LABEL = 80;
    static final int MAX_STEPS = 50;
    static final int MIN_OFFSET = -365;
    static final int MAX_OFFSET = 3650;
    static final Pattern TEMPLATE = Pattern.compile("^[A-Z0-9_]{2,40}$");
    /** Who may choose an account's scenario (among the accounts they see). */
    static final Set<Role> ASSIGNERS = EnumSet.of(Role.ADMIN, Role.COLLECTOR, Role.SALES_MANAGER);

    /** Whether the staff member chooses the scenario of the accounts they see ({@link #assign}); for screens. */
    public static boolean mayAssign(Staff staff) {
        return ASSIGNERS.contains(staff.role());
    }

    /** Whether the staff member sets the scenario of a whole search result ({@link #assignAll}); for screens. */
    public static boolean mayAssignAll(Staff staff) {
        return staff.isAdmin();
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventLog events;
    private final Customers customers;

    Scenarios(DatabaseClient db, TransactionalOperator tx, EventLog events, Customers customers) {
        this.db = db;
        this.tx = tx;
        this.events = events;
        this.customers = customers;
    }

    /** Every scenario of the tenant with its steps, the default first, then by name. */
    public Flux<Scenario> all(long tenantId) {
        Mono<Map<Long, List<ScenarioStep>>> steps = steps(tenantId, null);
        return steps.flatMapMany(byScenario -> db.sql("select " + COLUMNS
                                + " from scenario where tenant_id = :tenant order by is_default desc, lower(name)")
                        .bind("tenant", tenantId)
                        .map(row -> header(row))
                        .all()
                        .map(h -> h.with(byScenario.getOrDefault(h.id(), List.of()))));
    }

    /** The scenario with this id in the tenant, or empty. */
    public Mono<Scenario> byId(long tenantId, long id) {
        return one(tenantId, "id = :id", "id", id);
    }

    /** The scenario with this name in the tenant (any case), or empty. */
    public Mono<Scenario> byName(long tenantId, String name) {
        return name == null ? Mono.empty() : one(tenantId, "lower(name) = lower(:name)", "name", name.strip());
    }

    public Mono<Scenario> byDefault(long tenantId) {
        return one(tenantId, "is_default and :always", "always", true);
    }

    public Mono<Scenario> create(Staff admin, ScenarioDraft draft) {
        return requireAdmin(admin).then(validate(admin.tenantId(), draft)).flatMap(valid -> db.sql("""
                                insert into scenario (tenant_id, name, description) values (:tenant, :name, :description)
                                returning id""")
                        .bind("tenant", admin.tenantId())
                        .bind("name", valid.name())
                        .bind("description", valid.description())
                        .map(row -> row.get("id", Long.class))
                        .one()
                        .onErrorMap(DuplicateKeyException.class, e -> nameTaken(valid.name()))
                        .flatMap(id -> writeSteps(admin.tenantId(), id, valid.steps()).then(byId(admin.tenantId(), id))))
                .as(tx::transactional);
    }

    /**
     * Renames a scenario, changes its description and replaces its steps by the given list, in that order. With a
     * version, only if the scenario is still at that version (else {@link ScenarioChanged} with its current state);
     * without one, the last writer wins.
     */
    public Mono<Scenario> update(Staff admin, long id, ScenarioDraft draft, Long expectedVersion) {
        long tenant = admin.tenantId();
        return requireAdmin(admin).then(validate(tenant, draft)).flatMap(valid -> lock(tenant, id)
                        .flatMap(version -> expectedVersion != null && version != expectedVersion.longValue()
                                ? byId(tenant, id).flatMap(current -> Mono.<Scenario>error(
                                        new ScenarioChanged(current, expectedVersion)))
                                : db.sql("""
                                                update scenario set name = :name, description = :description,
                                                       version = version + 1
                                                where id = :id and tenant_id = :tenant""")
                                        .bind("name", valid.name())
                                        .bind("description", valid.description())
                                        .bind("id", id)
                                        .bind("tenant", tenant)
                                        .fetch().rowsUpdated()
                                        .onErrorMap(DuplicateKeyException.class, e -> nameTaken(valid.name()))
                                        .then(db.sql("delete from scenario_step where scenario_id = :id and tenant_id = :tenant")
                                                .bind("id", id)
                                                .bind("tenant", tenant)
                                                .fetch().rowsUpdated())
                                        .then(writeSteps(tenant, id, valid.steps()))
                                        .then(byId(tenant, id))))
                .as(tx::transactional);
    }

    /**
     * Deletes a scenario. Accounts following it move to the replacement first, each with a
     * {@link EventType#SCENARIO_ASSIGNED} event; all or nothing. The default scenario cannot be deleted (make another
     * one the default first): every account without a scenario of its own follows it.
     *
     * @param replacementId the scenario the accounts move to; may be null when no account follows the scenario
     */
    public Mono<ScenarioDeletion> delete(Staff admin, long id, Long replacementId) {
        long tenant = admin.tenantId();
        Actor actor = Actor.of(admin);
        return requireAdmin(admin).then(Mono.defer(() -> lock(tenant, id)))
                .then(Mono.defer(() -> byId(tenant, id)))
                .flatMap(deleted -> {
                    if (deleted.isDefault()) {
                        return Mono.error(new InvalidScenario("id", "'" + deleted.name()
                                + "' is the default scenario; make another scenario the default before deleting it"));
                    }
                    return followers(tenant, id).flatMap(accounts -> {
                        if (accounts > 0 && replacementId == null) {
                            return Mono.error(new ScenarioInUse(deleted.name(), accounts));
                        }
                        Mono<Scenario> replacement = replacementId == null ? Mono.empty()
                                : replacementId == id
                                ? Mono.error(new InvalidScenario("replacement", "Choose another scenario than the one you delete"))
                                : byId(tenant, replacementId).switchIfEmpty(Mono.error(() ->
                                        new InvalidScenario("replacement", "No scenario '" + replacementId + "'")));
                        return replacement.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                                .flatMap(to -> (to.isEmpty() || accounts == 0 ? Mono.just(0L)
                                        : move(actor, tenant, id, to.get()))
                                        .flatMap(moved -> db.sql("delete from scenario where id = :id and tenant_id = :tenant")
                                                .bind("id", id)
                                                .bind("tenant", tenant)
                                                .fetch().rowsUpdated()
                                                .thenReturn(new ScenarioDeletion(deleted.name(),
                                                        to.map(Scenario::name).orElse(null), moved))));
                    });
                })
                .as(tx::transactional);
    }

    /** Makes the scenario the tenant's default; accounts without a scenario of their own now follow it. */
    public Mono<Scenario> makeDefault(Staff admin, long id) {
        long tenant = admin.tenantId();
        // every scenario of the tenant locked first: two administrators choosing different defaults take turns
        // instead of one of them hitting the unique index. Two statements: that index is checked row by row, so one
        // update swapping the flag could see two defaults for a moment.
        return requireAdmin(admin)
                .then(db.sql("select id from scenario where tenant_id = :tenant order by id for update")
                        .bind("tenant", tenant).fetch().all().then())
                .then(Mono.defer(() -> lock(tenant, id)))
                .then(db.sql("update scenario set is_default = false, version = version + 1 "
                                + "where tenant_id = :tenant and is_default and id <> :id")
                        .bind("tenant", tenant).bind("id", id).fetch().rowsUpdated())
                .then(db.sql("update scenario set is_default = true, version = version + 1 "
                                + "where tenant_id = :tenant and id = :id and not is_default")
                        .bind("tenant", tenant).bind("id", id).fetch().rowsUpdated())
                .then(Mono.defer(() -> byId(tenant, id)))
                .as(tx::transactional);
    }

    /** The scenario a visible account follows; {@link UnknownAccount} for an account the staff member does not see. */
    public Mono<AccountScenario> ofAccount(Staff staff, String account) {
        return visible(staff, account).flatMap(c -> ofCustomer(staff.tenantId(), c.id()));
    }

    /** The scenario of a customer already known to be visible to the caller (e.g. on the customer's sheet). */
    public Mono<AccountScenario> ofCustomer(long tenantId, long customerId) {
        return db.sql("select id, account, scenario_id from customer where tenant_id = :tenant and id = :id")
                .bind("tenant", tenantId)
                .bind("id", customerId)
                .map(row -> new Object[] {row.get("id", Long.class), row.get("account", String.class),
                        row.get("scenario_id", Long.class)})
                .one()
                .flatMap(r -> (r[2] == null ? byDefault(tenantId) : byId(tenantId, (Long) r[2]))
                        .map(s -> new AccountScenario((Long) r[0], (String) r[1], s, r[2] == null)));
    }

    /**
     * Sets the scenario of one account the staff member sees (null: back to the tenant's default), with a
     * {@link EventType#SCENARIO_ASSIGNED} event on the account in the same transaction.
     */
    public Mono<AccountScenario> assign(Staff staff, String account, Long scenarioId) {
        long tenant = staff.tenantId();
        if (!ASSIGNERS.contains(staff.role())) {
            return Mono.error(new AccessDeniedException("Your role does not choose customers' scenarios"));
        }
        return visible(staff, account)
                .flatMap(customer -> target(tenant, scenarioId).flatMap(scenario -> {
                    GenericExecuteSpec update = db.sql("""
                                    update customer set scenario_id = :scenario
                                    where tenant_id = :tenant and id = :id""")
                            .bind("tenant", tenant)
                            .bind("id", customer.id());
                    update = scenarioId == null ? update.bindNull("scenario", Long.class) : update.bind("scenario", scenarioId);
                    return update.fetch().rowsUpdated()
                            .then(events.append(Actor.of(staff), tenant, customer.id(), EventType.SCENARIO_ASSIGNED,
                                    payload(scenario, scenarioId == null)))
                            .thenReturn(new AccountScenario(customer.id(), customer.account(), scenario, scenarioId == null));
                }))
                .as(tx::transactional);
    }

    /**
     * Sets the scenario of every account matching a search (administrators; null: back to the default). One
     * statement changes the accounts whose scenario changes, then one event per changed account, set-based.
     *
     * @return the number of accounts whose scenario changed
     */
    public Mono<Long> assignAll(Staff admin, CustomerQuery query, Long scenarioId) {
        long tenant = admin.tenantId();
        return requireAdmin(admin).then(target(tenant, scenarioId)).flatMap(scenario -> customers.matching(admin, query)
                        .collectList()
                        .flatMap(ids -> {
                            GenericExecuteSpec update = db.sql("""
                                            update customer set scenario_id = :scenario
                                            where tenant_id = :tenant and id = any(:ids)
                                              and scenario_id is distinct from :scenario
                                            returning id""")
                                    .bind("tenant", tenant)
                                    .bind("ids", ids.toArray(Long[]::new));
                            update = scenarioId == null ? update.bindNull("scenario", Long.class)
                                    : update.bind("scenario", scenarioId);
                            return update.map(row -> row.get("id", Long.class)).all().collectList();
                        })
                        .flatMap(changed -> announce(Actor.of(admin), tenant, changed, scenario, scenarioId == null)))
                .as(tx::transactional);
    }

    /**
     * When each step of the scenario would fall for a visible account: counted from the due date of its oldest
     * overdue invoice, or of its oldest open invoice when none is overdue; empty when it owes nothing.
     */
    public Flux<ScheduledStep> preview(Staff staff, long scenarioId, String account, LocalDate today) {
        long tenant = staff.tenantId();
        return visible(staff, account).flatMapMany(customer -> byId(tenant, scenarioId)
                .switchIfEmpty(Mono.error(() -> new UnknownScenario(scenarioId)))
                .flatMapMany(scenario -> db.sql("""
                                select due_date from open_item
                                where tenant_id = :tenant and customer_id = :customer and closed_at is null
                                  and type = 'INVOICE' and open_amount > 0""")
                        .bind("tenant", tenant)
                        .bind("customer", customer.id())
                        .map(row -> row.get("due_date", LocalDate.class))
                        .all().collectList()
                        .flatMapIterable(dueDates -> Timeline.anchor(dueDates, today)
                                .map(anchor -> Timeline.schedule(scenario, anchor)).orElse(List.of()))));
    }

    private Mono<Customer> visible(Staff staff, String account) {
        return customers.find(staff, account).switchIfEmpty(Mono.error(() -> new UnknownAccount(account)));
    }

    /** The scenario an assignment leads to: the named one, or the tenant's default for null. */
    private Mono<Scenario> target(long tenant, Long scenarioId) {
        return scenarioId == null ? byDefault(tenant)
                : byId(tenant, scenarioId).switchIfEmpty(Mono.error(() -> new UnknownScenario(scenarioId)));
    }

    private Mono<Long> move(Actor actor, long tenant, long from, Scenario to) {
        return db.sql("""
                        update customer set scenario_id = :to
                        where tenant_id = :tenant and scenario_id = :from
                        returning id""")
                .bind("to", to.id())
                .bind("tenant", tenant)
                .bind("from", from)
                .map(row -> row.get("id", Long.class))
                .all().collectList()
                .flatMap(ids -> announce(actor, tenant, ids, to, false));
    }

    private Mono<Long> announce(Actor actor, long tenant, List<Long> customerIds, Scenario scenario, boolean followsDefault) {
        if (customerIds.isEmpty()) {
            return Mono.just(0L);
        }
        // the same payload as payload(), built by the database; 0 stands for "no scenario of its own" (ids start at 1)
        return events.appendEach(actor, tenant, EventType.SCENARIO_ASSIGNED, """
                        select c.id as customer_id, jsonb_build_object('scenarioId', nullif(cast(:scenarioId as bigint), 0),
                               'scenario', cast(:scenarioName as text), 'default', cast(:followsDefault as boolean)) as payload
                        from customer c where c.tenant_id = :tenant and c.id = any(:ids)""",
                Map.of("scenarioId", followsDefault ? 0L : scenario.id(), "scenarioName", scenario.name(),
                        "followsDefault", followsDefault, "ids", customerIds.toArray(Long[]::new)));
    }

    /** The SCENARIO_ASSIGNED payload, as documented in the OpenAPI document. */
    private static Map<String, Object> payload(Scenario scenario, boolean followsDefault) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("scenarioId", followsDefault ? null : scenario.id());
        payload.put("scenario", scenario.name());
        payload.put("default", followsDefault);
        return payload;
    }

    private Mono<Long> followers(long tenant, long id) {
        return db.sql("select count(*) as n from customer where tenant_id = :tenant and scenario_id = :id")
                .bind("tenant", tenant)
                .bind("id", id)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** Locks the scenario row (writers of one scenario take turns) and reads its version; unknown → error. */
    private Mono<Long> lock(long tenant, long id) {
        return db.sql("select version from scenario where tenant_id = :tenant and id = :id for update")
                .bind("tenant", tenant)
                .bind("id", id)
                .map(row -> row.get("version", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new UnknownScenario(id)));
    }

    private Mono<Void> writeSteps(long tenant, long scenarioId, List<ValidStep> steps) {
        return Flux.fromIterable(steps).concatMap(step -> {
            GenericExecuteSpec insert = db.sql("""
                            insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, template_code,
                                                       recipient, recipient_user_id, mode, label)
                            values (:tenant, :scenario, :position, :offset, :kind, :template, :recipient, :user, :mode, :label)""")
                    .bind("tenant", tenant)
                    .bind("scenario", scenarioId)
                    .bind("position", step.position())
                    .bind("offset", step.offsetDays())
                    .bind("kind", step.kind().name())
                    .bind("recipient", step.recipient().name())
                    .bind("mode", step.mode().name())
                    .bind("label", step.label());
            insert = step.template() == null ? insert.bindNull("template", String.class) : insert.bind("template", step.template());
            insert = step.userId() == null ? insert.bindNull("user", Long.class) : insert.bind("user", step.userId());
            return insert.fetch().rowsUpdated();
        }).then();
    }

    private record ValidDraft(String name, String description, List<ValidStep> steps) {
    }

    private record ValidStep(int position, int offsetDays, StepKind kind, String template, Recipient recipient,
                             Long userId, StepMode mode, String label) {
    }

    /** Checks a draft and resolves the users it names; the first mistake is reported, with its field. */
    private Mono<ValidDraft> validate(long tenant, ScenarioDraft draft) {
        return Mono.defer(() -> {
            String name = draft.name() == null ? "" : draft.name().strip();
            if (name.isEmpty()) {
                return Mono.error(new InvalidScenario("name", "Give the scenario a name"));
            }
            if (name.length() > MAX_NAME) {
                return Mono.error(new InvalidScenario("name", "A name has at most " + MAX_NAME + " characters"));
            }
            String description = draft.description() == null ? "" : draft.description().strip();
            if (description.length() > MAX_DESCRIPTION) {
                return Mono.error(new InvalidScenario("description",
                        "A description has at most " + MAX_DESCRIPTION + " characters"));
            }
            List<ScenarioStep> steps = draft.steps() == null ? List.of() : draft.steps();
            if (steps.size() > MAX_STEPS) {
                return Mono.error(new InvalidScenario("steps", "A scenario has at most " + MAX_STEPS + " steps"));
            }
            for (int i = 0; i < steps.size(); i++) {
                InvalidScenario problem = problem(i, steps.get(i));
                if (problem != null) {
                    return Mono.error(problem);
                }
            }
            return users(tenant, steps).flatMap(users -> {
                List<ValidStep> valid = new ArrayList<>();
                for (int i = 0; i < steps.size(); i++) {
                    ScenarioStep s = steps.get(i);
                    Recipient recipient = s.recipient() == null ? Recipient.COLLECTION_CONTACT : s.recipient();
                    Long userId = null;
                    if (recipient == Recipient.INTERNAL_USER) {
                        userId = users.get(s.user().strip().toLowerCase(Locale.ROOT));
                        if (userId == null) {
                            return Mono.error(new InvalidScenario(field(i, "user"),
                                    "No user '" + s.user().strip() + "' in your company"));
                        }
                    }
                    valid.add(new ValidStep(i, s.offsetDays(), s.kind(), template(s), recipient, userId,
                            s.mode() == null ? StepMode.MANUAL : s.mode(), s.label() == null ? "" : s.label().strip()));
                }
                return Mono.just(new ValidDraft(name, description, List.copyOf(valid)));
            });
        });
    }

    private static InvalidScenario problem(int i, ScenarioStep s) {
        if (s == null) {
            return new InvalidScenario(field(i, "kind"), "Step " + (i + 1) + " is empty");
        }
        if (s.kind() == null) {
            return new InvalidScenario(field(i, "kind"), "Choose the kind of step " + (i + 1)
                    + " (EMAIL, LETTER, CALL, INTERNAL_TASK)");
        }
        if (s.offsetDays() < MIN_OFFSET || s.offsetDays() > MAX_OFFSET) {
            return new InvalidScenario(field(i, "offsetDays"), "A step falls " + MIN_OFFSET + " to " + MAX_OFFSET
                    + " days from the due date; step " + (i + 1) + " has " + s.offsetDays());
        }
        String template = template(s);
        if (s.kind().usesTemplate() && template == null) {
            return new InvalidScenario(field(i, "template"), "Step " + (i + 1) + " (" + s.kind()
                    + ") needs a template code");
        }
        if (!s.kind().usesTemplate() && template != null) {
            return new InvalidScenario(field(i, "template"), "Only emails and letters have a template; step "
                    + (i + 1) + " is a " + s.kind());
        }
        if (template != null && !TEMPLATE.matcher(template).matches()) {
            return new InvalidScenario(field(i, "template"), "A template code has 2 to 40 letters A-Z, digits or "
                    + "underscores; '" + template + "' does not fit");
        }
        boolean toUser = s.recipient() == Recipient.INTERNAL_USER;
        boolean hasUser = s.user() != null && !s.user().isBlank();
        if (toUser && !hasUser) {
            return new InvalidScenario(field(i, "user"), "Step " + (i + 1) + " goes to a user: name them (login)");
        }
        if (!toUser && hasUser) {
            return new InvalidScenario(field(i, "user"), "Only a step to an INTERNAL_USER names a user");
        }
        if (s.label() != null && s.label().strip().length() > MAX_LABEL) {
            return new InvalidScenario(field(i, "label"), "A label has at most " + MAX_LABEL + " characters");
        }
        return null;
    }

    private static String field(int i, String name) {
        return "steps[" + i + "]." + name;
    }

    /** A template code as kept: trimmed and upper case; blank means none. */
    private static String template(ScenarioStep s) {
        return s.template() == null || s.template().isBlank() ? null : s.template().strip().toUpperCase(Locale.ROOT);
    }

    /** The users of the tenant named by the steps, by lower-case login. */
    private Mono<Map<String, Long>> users(long tenant, List<ScenarioStep> steps) {
        String[] logins = steps.stream()
                .filter(s -> s.recipient() == Recipient.INTERNAL_USER)
                .map(s -> s.user().strip().toLowerCase(Locale.ROOT))
                .distinct().toArray(String[]::new);
        if (logins.length == 0) {
            return Mono.just(Map.of());
        }
        return db.sql("select id, lower(login) as login from app_user where tenant_id = :tenant and lower(login) = any(:logins)")
                .bind("tenant", tenant)
                .bind("logins", logins)
                .map(row -> Map.entry(row.get("login", String.class), row.get("id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static InvalidScenario nameTaken(String name) {
        return new InvalidScenario("name", "Another scenario is already called '" + name + "'");
    }

    private static Mono<Void> requireAdmin(Staff staff) {
        return staff.isAdmin() ? Mono.empty()
                : Mono.error(new AccessDeniedException("Only an administrator manages collection scenarios"));
    }

    private Mono<Scenario> one(long tenantId, String condition, String name, Object value) {
        return db.sql("select " + COLUMNS + " from scenario where tenant_id = :tenant and " + condition)
                .bind("tenant", tenantId)
                .bind(name, value)
                .map(row -> header(row))
                .one()
                .flatMap(h -> steps(tenantId, h.id()).map(byScenario -> h.with(byScenario.getOrDefault(h.id(), List.of()))));
    }

    /** The steps of one scenario (or of all when null), grouped by scenario, in order. */
    private Mono<Map<Long, List<ScenarioStep>>> steps(long tenantId, Long scenarioId) {
        GenericExecuteSpec spec = db.sql("""
                        select s.scenario_id, s.position, s.offset_days, s.kind, s.template_code, s.recipient, u.login,
                               s.mode, s.label
                        from scenario_step s
                        left join app_user u on u.id = s.recipient_user_id and u.tenant_id = s.tenant_id
                        where s.tenant_id = :tenant and (:all or s.scenario_id = :scenario)
                        order by s.scenario_id, s.position""")
                .bind("tenant", tenantId)
                .bind("all", scenarioId == null)
                .bind("scenario", scenarioId == null ? 0L : scenarioId);
        return spec.map(row -> Map.entry(row.get("scenario_id", Long.class), step(row)))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record Header(long id, String name, String description, boolean isDefault, boolean standard, long version) {
        Scenario with(List<ScenarioStep> steps) {
            return new Scenario(id, name, description, isDefault, standard, version, steps);
        }
    }

    private static Header header(Readable row) {
        return new Header(
                row.get("id", Long.class),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("is_default", Boolean.class),
                row.get("standard", Boolean.class),
                row.get("version", Long.class));
    }

    private static ScenarioStep step(Readable row) {
        return new ScenarioStep(
                row.get("position", Integer.class),
                row.get("offset_days", Integer.class),
                StepKind.valueOf(row.get("kind", String.class)),
                row.get("template_code", String.class),
                Recipient.valueOf(row.get("recipient", String.class)),
                row.get("login", String.class),
                StepMode.valueOf(row.get("mode", String.class)),
                row.get("label", String.class));
    }
}
