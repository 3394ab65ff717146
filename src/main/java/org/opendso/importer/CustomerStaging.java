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
 * customer whose assignments change counts as updated.
 */
final class CustomerStaging implements Staging {

    private static final String[] COLUMNS = {"address", "postal_code", "city", "country", "email", "phone"};

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
                    bad boolean not null
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
                + "%1$s.phone, %1$s.collector, %1$s.sales_manager)").formatted(s);
    }

    @Override
    public String label(String s) {
        return "'account ' || %s.account".formatted(s);
    }

    @Override
    public Flux<RejectedLine> references(DatabaseClient db, long tenantId) {
        return db.sql("""
                        select n.line, string_agg(format('%%s ''%%s'' is not a user of this company', n.column_name, n.login),
                                                  '; ' order by n.column_name, n.login) as reason
                        from (%s) n
                        where not exists (select 1 from app_user u
                                          where u.tenant_id = :tenant and lower(u.login) = lower(n.login))
                        group by n.line""".formatted(LOGINS))
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
        Mono<Long> considered = db.sql("select count(*) as n from import_stage where not bad")
                .map(row -> row.get("n", Long.class)).one();
        return created.flatMap(newIds -> updated.flatMap(changedIds -> unassigned.flatMap(a -> assigned.flatMap(b -> {
            Set<Long> fresh = new HashSet<>(newIds);
            Set<Long> changed = new HashSet<>(changedIds);
            changed.addAll(a);
            changed.addAll(b);
            changed.removeAll(fresh);
            return perAccount(db, context, fresh, changed)
                    .then(considered)
                    .map(n -> new MergeCounts(n, fresh.size(), changed.size(), 0, 0));
        }))));
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
