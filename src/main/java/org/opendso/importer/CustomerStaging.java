package org.opendso.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Customers: merged by account. A column the file does not have keeps the customer's value; a blank cell of
 * a column it has clears it (except currency, which a customer always has). A collector or sales manager
 * cell lists logins of the tenant's users (several separated by ',' '|' or '/'): it replaces that role's
 * assignments of the customer, since the ERP is the reference; a blank cell leaves them as they are. A
 * customer whose assignments change counts as updated. A scenario cell names one of the tenant's scenarios (any
 * case): the account follows it from then on, with a SCENARIO_ASSIGNED event where that changes its scenario; a
 * blank cell leaves the account's scenario as it is; an unknown name rejects the line, listing the known names.
 */
final class CustomerStaging implements Staging {

    /** The accounts whose scenario this import changed (temporary, dropped at commit). */
    static final String SCENARIO_CHANGES = "import_scenario_change";

    private static final String[] COLUMNS = {"address", "postal_code", "city", "country", "email", "phone",
            "credit_limit"};

    /** Logins named in the collector and sales manager cells, one row per (line, role, login). */
    private static final String LOGINS = """
            select s.line, s.account, v.role, v.column_name, trim(l.login) as login
            from import_stage s
            cross join lateral (values ('COLLECTOR', 'collector', s.collector),
                                       ('SALES_MANAGER', 'sales_manager', s.sales_manager)) v(role, column_name, logins)
            cross join lateral regexp_split_to_table(v.logins, '[,|/]') l(login)
            where not s.bad and v.logins is not null and trim(l.login) <> ''""";

    private static final String WANTED = """
            wanted as (
                select distinct on (c.id, u.id) c.id as customer_id, u.id as user_id, n.role
                from (%s) n
                join customer c on c.tenant_id = :tenant and c.account = n.account
                join app_user u on u.tenant_id = :tenant and lower(u.login) = lower(n.login)
                order by c.id, u.id, n.role
            )""".formatted(LOGINS);

    @Override
    public String create() {
        return """
                create temp table import_stage (
                    line integer not null, account text, name text, address text, postal_code text, city text,
                    country text, currency text, email text, phone text, collector text, sales_manager text,
                    scenario text, credit_limit numeric(19,4), bad boolean not null
                ) on commit drop""";
    }

    @Override
    public String columns() {
        return CustomerLines.COLUMNS;
    }

    @Override
    public LineFormat lines(HeaderMap header) {
        return new CustomerLines(header);
    }

    @Override
    public String key(String s) {
        return "(%s.account)".formatted(s);
    }

    @Override
    public String values(String s) {
        return ("(%1$s.name, %1$s.address, %1$s.postal_code, %1$s.city, %1$s.country, %1$s.currency, %1$s.email, "
                + "%1$s.phone, %1$s.collector, %1$s.sales_manager, lower(%1$s.scenario), %1$s.credit_limit)").formatted(s);
    }

    @Override
    public String label(String s) {
        return "'account ' || %s.account".formatted(s);
    }

    /** Unknown logins and unknown scenario names, one reason per line (its problems joined). */
    @Override
    public Flux<RejectedLine> references(DatabaseClient db, long tenantId) {
        return db.sql("""
                        select r.line, string_agg(r.reason, '; ' order by r.ord, r.reason) as reason
                        from (
                            select n.line, 1 as ord,
                                   format('%%s ''%%s'' is not a user of this company', n.column_name, n.login) as reason
                            from (%s) n
                            where not exists (select 1 from app_user u
                                              where u.tenant_id = :tenant and lower(u.login) = lower(n.login))
                            union all
                            select s.line, 2, format('scenario ''%%s'' is not a scenario of this company (known: %%s)',
                                                     s.scenario, k.names)
                            from import_stage s
                            cross join (select coalesce(string_agg(name, ', ' order by lower(name)), 'none') as names
                                        from scenario where tenant_id = :tenant) k
                            where not s.bad and s.scenario is not null
                              and not exists (select 1 from scenario sc
                                              where sc.tenant_id = :tenant and lower(sc.name) = lower(s.scenario))
                        ) r
                        group by r.line""".formatted(LOGINS))
                .bind("tenant", tenantId)
                .map(row -> new RejectedLine(row.get("line", Integer.class), row.get("reason", String.class)))
                .all();
    }

    @Override
    public Mono<MergeCounts> merge(DatabaseClient db, MergeContext context) {
        StringBuilder set = new StringBuilder("name = s.name, currency = coalesce(s.currency, c.currency)");
        StringBuilder existing = new StringBuilder("c.name, c.currency::text");
        StringBuilder staged = new StringBuilder("s.name, coalesce(s.currency, c.currency::text)");
        StringBuilder insertColumns = new StringBuilder();
        StringBuilder insertValues = new StringBuilder();
        for (String column : COLUMNS) {
            if (context.header().has(column)) {
                set.append(", ").append(column).append(" = s.").append(column);
                existing.append(", c.").append(column);
                staged.append(", s.").append(column);
                insertColumns.append(", ").append(column);
                insertValues.append(", s.").append(column);
            }
        }
        Mono<List<Long>> created = db.sql("""
                        insert into customer (tenant_id, account, name, currency%s)
                        select :tenant, s.account, s.name,
                               coalesce(s.currency, (select main_currency from tenant where id = :tenant))%s
                        from import_stage s
                        where not s.bad
                          and not exists (select 1 from customer c where c.tenant_id = :tenant and c.account = s.account)
                        returning id""".formatted(insertColumns, insertValues))
                .bind("tenant", context.tenantId())
                .map(row -> row.get("id", Long.class)).all().collectList();
        // runs after the insert: the new customers compare equal and are left alone
        Mono<List<Long>> updated = db.sql("""
                        update customer c set %s, version = c.version + 1, updated_at = now()
                        from import_stage s
                        where c.tenant_id = :tenant and c.account = s.account and not s.bad
                          and (%s) is distinct from (%s)
                        returning c.id""".formatted(set, existing, staged))
                .bind("tenant", context.tenantId())
                .map(row -> row.get("id", Long.class)).all().collectList();
        Mono<List<Long>> unassigned = db.sql("""
                        with %s,
                        scope as (select distinct customer_id, role from wanted)
                        delete from customer_assignment a
                        using scope
                        where a.tenant_id = :tenant and a.customer_id = scope.customer_id and a.role = scope.role
                          and not exists (select 1 from wanted w
                                          where w.customer_id = a.customer_id and w.user_id = a.user_id and w.role = a.role)
                        returning a.customer_id""".formatted(WANTED))
                .bind("tenant", context.tenantId())
                .map(row -> row.get("customer_id", Long.class)).all().collectList();
        Mono<List<Long>> assigned = db.sql("""
                        with %s
                        insert into customer_assignment (tenant_id, customer_id, user_id, role)
                        select :tenant, customer_id, user_id, role from wanted
                        on conflict (customer_id, user_id) do update set role = excluded.role
                        where customer_assignment.role <> excluded.role
                        returning customer_id""".formatted(WANTED))
                .bind("tenant", context.tenantId())
                .map(row -> row.get("customer_id", Long.class)).all().collectList();
        Mono<List<Long>> scenarios = context.header().has("scenario") ? scenarios(db, context.tenantId())
                : Mono.just(List.of());
        Mono<Long> considered = db.sql("select count(*) as n from import_stage where not bad")
                .map(row -> row.get("n", Long.class)).one();
        return created.flatMap(newIds -> updated.flatMap(changedIds -> unassigned.flatMap(a -> assigned.flatMap(b ->
                scenarios.flatMap(moved -> {
            Set<Long> fresh = new HashSet<>(newIds);
            Set<Long> changed = new HashSet<>(changedIds);
            changed.addAll(a);
            changed.addAll(b);
            changed.addAll(moved);
            changed.removeAll(fresh);
            return perAccount(db, context, fresh, changed)
                    .then(considered)
                    .map(n -> new MergeCounts(n, fresh.size(), changed.size(), 0, 0));
        })))));
    }

    /**
     * The scenario cells: accounts whose scenario changes follow the named one, in one statement, and are kept in
     * {@link #SCENARIO_CHANGES} for their SCENARIO_ASSIGNED events (new accounts too: they leave the default).
     * Like {@code Scenarios.assign}, the customer's version is not bumped: a scenario is not part of its details.
     */
    private static Mono<List<Long>> scenarios(DatabaseClient db, long tenantId) {
        return db.sql("""
                        create temp table %s (customer_id bigint primary key, scenario_id bigint not null,
                                              scenario text not null) on commit drop""".formatted(SCENARIO_CHANGES))
                .then()
                .then(db.sql("""
                                with changed as (
                                    update customer c set scenario_id = sc.id
                                    from import_stage s
                                    join scenario sc on sc.tenant_id = :tenant and lower(sc.name) = lower(s.scenario)
                                    where c.tenant_id = :tenant and c.account = s.account and not s.bad
                                      and s.scenario is not null and c.scenario_id is distinct from sc.id
                                    returning c.id, sc.id as scenario_id, sc.name
                                )
                                insert into %s (customer_id, scenario_id, scenario)
                                select id, scenario_id, name from changed
                                returning customer_id""".formatted(SCENARIO_CHANGES))
                        .bind("tenant", tenantId)
                        .map(row -> row.get("customer_id", Long.class)).all().collectList());
    }

    private static Mono<Void> perAccount(DatabaseClient db, MergeContext context, Set<Long> created, Set<Long> updated) {
        if (created.isEmpty() && updated.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into import_run_customer (import_run_id, customer_id, tenant_id, created, updated)
                        select :run, id, :tenant, 1, 0 from unnest(cast(:created as bigint[])) id
                        union all
                        select :run, id, :tenant, 0, 1 from unnest(cast(:updated as bigint[])) id""")
                .bind("run", context.runId())
                .bind("tenant", context.tenantId())
                .bind("created", created.toArray(Long[]::new))
                .bind("updated", updated.toArray(Long[]::new))
                .then();
    }
}
