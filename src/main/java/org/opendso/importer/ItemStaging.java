package org.opendso.importer;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Open items: merged by (type, number) within the tenant. Statements:
 * <ol>
 * <li>accounts the file names but the tenant lacks are created (name from the file's name column, else the
 * account; currency the items' one if they agree, else the tenant's);</li>
 * <li>one statement inserts new items, updates changed ones (an item that comes back is reopened), records
 * a cash receipt when an open amount goes down, and in a snapshot closes the tenant's open items absent
 * from the file, recording their open amount as received; it ends writing the per-account counts.</li>
 * </ol>
 * A closed item keeps its amount and gets open amount 0: what it owes now, so that no balance query has to
 * remember to filter on closed_at; what was received is in cash_receipt, with the date. A credit note or
 * payment consumed the same way gives a negative receipt: the receipts of a period sum to the net cash.
 * Items of rejected lines (partial import) are not closed: a typo must not turn into a payment.
 */
final class ItemStaging implements Staging {

    @Override
    public String create() {
        return """
                create temp table import_stage (
                    line integer not null, account text, name text, type text, number text,
                    issue_date date, due_date date, amount numeric(19,4), open_amount numeric(19,4),
                    currency text, reference text, bad boolean not null
                ) on commit drop""";
    }

    @Override
    public String columns() {
        return ItemLines.COLUMNS;
    }

    @Override
    public LineFormat lines(HeaderMap header) {
        return new ItemLines(header);
    }

    @Override
    public String key(String s) {
        return "(%1$s.type, %1$s.number)".formatted(s);
    }

    @Override
    public String values(String s) {
        return "(%1$s.account, %1$s.name, %1$s.issue_date, %1$s.due_date, %1$s.amount, %1$s.open_amount, %1$s.currency, %1$s.reference)"
                .formatted(s);
    }

    @Override
    public String label(String s) {
        return "'number ' || %1$s.number || ' (' || replace(lower(%1$s.type), '_', ' ') || ')'".formatted(s);
    }

    @Override
    public Flux<RejectedLine> references(DatabaseClient db, long tenantId) {
        return Flux.empty(); // unknown accounts are created
    }

    @Override
    public Mono<MergeCounts> merge(DatabaseClient db, MergeContext context) {
        Mono<Long> accounts = db.sql("""
                        insert into customer (tenant_id, account, name, currency)
                        select :tenant, s.account, coalesce(max(s.name), s.account),
                               coalesce(case when min(s.currency) = max(s.currency) then min(s.currency) end,
                                        (select main_currency from tenant where id = :tenant))
                        from import_stage s
                        where not s.bad
                          and not exists (select 1 from customer c where c.tenant_id = :tenant and c.account = s.account)
                        group by s.account
                        on conflict (tenant_id, account) do nothing""")
                .bind("tenant", context.tenantId())
                .fetch().rowsUpdated();
        String issue = context.valueOr("issue_date", "s.issue_date", "x.issue_date");
        String reference = context.valueOr("reference", "s.reference", "x.reference");
        String closing = context.mode() == ImportMode.SNAPSHOT ? """
                to_close as (
                    select o.id, o.customer_id, o.open_amount, o.due_date
                    from open_item o
                    where o.tenant_id = :tenant and o.closed_at is null
                      and not exists (select 1 from import_stage s where s.type = o.type and s.number = o.number)
                      and not exists (select 1 from import_stage s where s.bad and s.type is null and s.number = o.number)
                ),
                closed as (
                    update open_item o
                    set closed_at = now(), open_amount = 0, version = o.version + 1, updated_at = now()
                    from to_close x
                    where o.id = x.id
                    returning x.id, x.customer_id, x.open_amount as old_open, x.due_date
                ),
                paid_in_full as (
                    insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date, import_run_id)
                    select :tenant, customer_id, id, old_open, current_date, due_date, :run
                    from closed where old_open <> 0
                ),
                """ : """
                closed as (select null::bigint as customer_id where false),
                """;
        String merge = """
                with created as (
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount,
                                           open_amount, currency, reference)
                    select :tenant, c.id, s.type, s.number, s.issue_date, s.due_date, s.amount, s.open_amount,
                           coalesce(s.currency, c.currency), s.reference
                    from import_stage s
                    join customer c on c.tenant_id = :tenant and c.account = s.account
                    where not s.bad
                      and not exists (select 1 from open_item o
                                      where o.tenant_id = :tenant and o.type = s.type and o.number = s.number)
                    returning customer_id
                ),
                changes as (
                    select x.id as item_id, c.id as customer_id, %1$s as issue_date, s.due_date, s.amount,
                           s.open_amount, coalesce(s.currency, x.currency::text) as currency, %2$s as reference,
                           x.customer_id as old_customer_id, x.open_amount as old_open, x.closed_at as old_closed
                    from import_stage s
                    join customer c on c.tenant_id = :tenant and c.account = s.account
                    join open_item x on x.tenant_id = :tenant and x.type = s.type and x.number = s.number
                    where not s.bad
                      and (x.customer_id, x.issue_date, x.due_date, x.amount, x.open_amount, x.currency::text,
                           x.reference, x.closed_at)
                          is distinct from
                          (c.id, %1$s, s.due_date, s.amount, s.open_amount, coalesce(s.currency, x.currency::text),
                           %2$s, null::timestamptz)
                ),
                updated as (
                    update open_item o
                    set customer_id = ch.customer_id, issue_date = ch.issue_date, due_date = ch.due_date,
                        amount = ch.amount, open_amount = ch.open_amount, currency = ch.currency,
                        reference = ch.reference, closed_at = null, version = o.version + 1, updated_at = now()
                    from changes ch
                    where o.id = ch.item_id
                    returning o.id, o.customer_id, o.due_date, o.open_amount, ch.old_customer_id, ch.old_open,
                              ch.old_closed
                ),
                paid_in_part as (
                    insert into cash_receipt (tenant_id, customer_id, open_item_id, amount, received_on, due_date, import_run_id)
                    select :tenant, customer_id, id, old_open - open_amount, current_date, due_date, :run
                    from updated
                    where old_closed is null and abs(open_amount) < abs(old_open)
                      and sign(open_amount) * sign(old_open) >= 0
                ),
                %3$s
                touched as (
                    select customer_id, 1 as c, 0 as u, 0 as x from created
                    union all select customer_id, 0, 1, 0 from updated
                    union all select old_customer_id, 0, 0, 0 from updated where old_customer_id <> customer_id
                    union all select customer_id, 0, 0, 1 from closed
                )
                insert into import_run_customer (import_run_id, customer_id, tenant_id, created, updated, closed)
                select :run, customer_id, :tenant, sum(c), sum(u), sum(x)
                from touched
                group by customer_id""".formatted(issue, reference, closing);
        Mono<long[]> counts = db.sql(merge)
                .bind("tenant", context.tenantId())
                .bind("run", context.runId())
                .then()
                .then(Totals.of(db, context.runId()));
        Mono<Long> considered = db.sql("select count(*) as n from import_stage where not bad")
                .map(row -> row.get("n", Long.class)).one();
        return accounts.flatMap(created -> counts.zipWith(considered, (c, n) ->
                new MergeCounts(n, c[0], c[1], c[2], created)));
    }
}
