package org.opendso.importer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contacts: merged by (account, name with case ignored); the account must already exist (contacts do not
 * create customers: a typo in an account would otherwise create a customer with one contact and no name).
 * A column the file does not have keeps the contact's value.
 */
final class ContactStaging implements Staging {

    private static final String[] COLUMNS = {"role", "email", "phone"};

    @Override
    public String create() {
        return """
                create temp table import_stage (
                    line integer not null, account text, name text, role text, email text, phone text,
                    collection_contact boolean, bad boolean not null
                ) on commit drop""";
    }

    @Override
    public String columns() {
        return ContactLines.COLUMNS;
    }

    @Override
    public LineFormat lines(HeaderMap header) {
        return new ContactLines(header);
    }

    @Override
    public String key(String s) {
        return "(%1$s.account, lower(%1$s.name))".formatted(s);
    }

    @Override
    public String values(String s) {
        return "(%1$s.name, %1$s.role, %1$s.email, %1$s.phone, %1$s.collection_contact)".formatted(s);
    }

    @Override
    public String label(String s) {
        return "'contact ' || %1$s.name || ' of account ' || %1$s.account".formatted(s);
    }

    @Override
    public Flux<RejectedLine> references(DatabaseClient db, long tenantId) {
        return db.sql("""
                        select s.line, format('account ''%s'' is not a known customer (import customers first)', s.account) as reason
                        from import_stage s
                        where not s.bad
                          and not exists (select 1 from customer c where c.tenant_id = :tenant and c.account = s.account)""")
                .bind("tenant", tenantId)
                .map(row -> new RejectedLine(row.get("line", Integer.class), row.get("reason", String.class)))
                .all();
    }

    @Override
    public Mono<MergeCounts> merge(DatabaseClient db, MergeContext context) {
        StringBuilder set = new StringBuilder("name = ch.name");
        StringBuilder existing = new StringBuilder("k.name");
        StringBuilder staged = new StringBuilder("s.name");
        StringBuilder insert = new StringBuilder();
        for (String column : COLUMNS) {
            boolean has = context.header().has(column);
            set.append(", ").append(column).append(" = ch.").append(column);
            existing.append(", k.").append(column);
            staged.append(", ").append(has ? "s." : "k.").append(column);
            insert.append(", ").append(has ? "s." + column : "null");
        }
        boolean hasFlag = context.header().has("collection_contact");
        String flag = hasFlag ? "s.collection_contact" : "k.collection_contact";
        String sql = """
                with changes as (
                    select k.id, c.id as customer_id, s.name, %3$s, %4$s as collection_contact
                    from import_stage s
                    join customer c on c.tenant_id = :tenant and c.account = s.account
                    join contact k on k.customer_id = c.id and lower(k.name) = lower(s.name)
                    where not s.bad and (%1$s, k.collection_contact) is distinct from (%2$s, %4$s)
                ),
                updated as (
                    update contact k set %5$s, collection_contact = ch.collection_contact, version = k.version + 1
                    from changes ch
                    where k.id = ch.id
                    returning k.customer_id
                ),
                created as (
                    insert into contact (tenant_id, customer_id, name, role, email, phone, collection_contact)
                    select :tenant, c.id, s.name%6$s, %7$s
                    from import_stage s
                    join customer c on c.tenant_id = :tenant and c.account = s.account
                    where not s.bad
                      and not exists (select 1 from contact k where k.customer_id = c.id and lower(k.name) = lower(s.name))
                    returning customer_id
                ),
                touched as (
                    select customer_id, 1 as c, 0 as u from created
                    union all select customer_id, 0, 1 from updated
                )
                insert into import_run_customer (import_run_id, customer_id, tenant_id, created, updated)
                select :run, customer_id, :tenant, sum(c), sum(u)
                from touched
                group by customer_id""".formatted(existing, staged, aliasList(context), flag, set, insert,
                hasFlag ? "coalesce(s.collection_contact, false)" : "false");
        Mono<long[]> counts = db.sql(sql)
                .bind("tenant", context.tenantId())
                .bind("run", context.runId())
                .then()
                .then(Totals.of(db, context.runId()));
        Mono<Long> considered = db.sql("select count(*) as n from import_stage s where not s.bad")
                .map(row -> row.get("n", Long.class)).one();
        return counts.zipWith(considered, (c, n) -> new MergeCounts(n, c[0], c[1], 0, 0));
    }

    /** The values of the kept-or-staged columns, named for the update. */
    private static String aliasList(MergeContext context) {
        StringBuilder out = new StringBuilder();
        for (String column : COLUMNS) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(context.header().has(column) ? "s." : "k.").append(column).append(" as ").append(column);
        }
        return out.toString();
    }
}
