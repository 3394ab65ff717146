-- Reports (decision 0019): per-account pre-aggregates of the open items, the sales history, month-end receivables
-- and weekly qualification snapshots, so that a report on 100k accounts and 2M items reads thousands of rows, not
-- millions. None of these tables has a foreign key: they are derived, rebuilt from the items, and their rows of
-- customer_id 0 hold the whole company's total (read when a report is about every account).

-- 1. The open items of each account by currency and status (0: no status), aged as of as_of. Buckets hold invoices'
--    open amounts (days past due = as_of - due date; due on as_of is not due); credit notes and unallocated payments
--    (stored negative) are in credits; outstanding = every open amount, credits netted.
create table report_item_figures (
    tenant_id                bigint        not null,
    customer_id              bigint        not null,
    currency                 char(3)       not null,
    status_id                bigint        not null,
    items                    integer       not null,
    outstanding              numeric(19,4) not null,
    not_due                  numeric(19,4) not null,
    d1_30                    numeric(19,4) not null,
    d31_60                   numeric(19,4) not null,
    d61_90                   numeric(19,4) not null,
    over90                   numeric(19,4) not null,
    credits                  numeric(19,4) not null,
    overdue_items            integer       not null,
    -- overdue invoices carrying a comment (with status_id <> 0: qualified)
    commented_overdue        numeric(19,4) not null,
    commented_overdue_items  integer       not null,
    -- how long the items have carried their status (as_of - status date): the dispute report's ages
    status_since             date,
    aged_0_30                numeric(19,4) not null,
    aged_31_60               numeric(19,4) not null,
    aged_61_90               numeric(19,4) not null,
    aged_over90              numeric(19,4) not null,
    aged_items_0_30          integer       not null,
    aged_items_31_60         integer       not null,
    aged_items_61_90         integer       not null,
    aged_items_over90        integer       not null,
    primary key (customer_id, currency, status_id)
);
create index report_item_figures_tenant_idx on report_item_figures (tenant_id, currency);
-- the rows of a status across the company (the dispute report's lines)
create index report_item_figures_status_idx on report_item_figures (tenant_id, currency, status_id) where status_id <> 0;

-- The same per account and currency (statuses summed): the accounts of a report in order of balance, by index.
create table report_customer_figures (
    tenant_id    bigint        not null,
    customer_id  bigint        not null,
    currency     char(3)       not null,
    outstanding  numeric(19,4) not null,
    not_due      numeric(19,4) not null,
    d1_30        numeric(19,4) not null,
    d31_60       numeric(19,4) not null,
    d61_90       numeric(19,4) not null,
    over90       numeric(19,4) not null,
    credits      numeric(19,4) not null,
    primary key (customer_id, currency)
);
create index report_customer_figures_balance_idx on report_customer_figures (tenant_id, currency, outstanding desc, customer_id);

-- And per company (accounts summed): a report about every account reads a few rows, whatever the size of the book.
-- Kept by differences: an account's old rows are subtracted, its new ones added.
create table report_item_totals (
    tenant_id                bigint        not null,
    currency                 char(3)       not null,
    status_id                bigint        not null,
    items                    integer       not null,
    outstanding              numeric(19,4) not null,
    not_due                  numeric(19,4) not null,
    d1_30                    numeric(19,4) not null,
    d31_60                   numeric(19,4) not null,
    d61_90                   numeric(19,4) not null,
    over90                   numeric(19,4) not null,
    credits                  numeric(19,4) not null,
    overdue_items            integer       not null,
    commented_overdue        numeric(19,4) not null,
    commented_overdue_items  integer       not null,
    aged_0_30                numeric(19,4) not null,
    aged_31_60               numeric(19,4) not null,
    aged_61_90               numeric(19,4) not null,
    aged_over90              numeric(19,4) not null,
    aged_items_0_30          integer       not null,
    aged_items_31_60         integer       not null,
    aged_items_61_90         integer       not null,
    aged_items_over90        integer       not null,
    primary key (tenant_id, currency, status_id)
);

-- The day each company's figures were aged on: another day means every account is aged again.
create table report_state (
    tenant_id      bigint primary key,
    figures_as_of  date,
    months_built   date,
    week_taken     date
);

-- Accounts whose items changed since their figures were computed: marked in the changing transaction (as
-- agenda_change, V4_9: insert only, no key, so a writer never waits), claimed by the next read of a report.
create table report_change (
    tenant_id    bigint not null,
    customer_id  bigint not null
);
create index report_change_tenant_idx on report_change (tenant_id);

create function report_mark_items() returns trigger language plpgsql as $$
begin
    insert into report_change (tenant_id, customer_id)
    select distinct tenant_id, customer_id from changed_items;
    return null;
end $$;
create trigger open_item_report_insert after insert on open_item
    referencing new table as changed_items for each statement execute function report_mark_items();
-- an item moved to another account marks both: the old rows too
create function report_mark_updated_items() returns trigger language plpgsql as $$
begin
    insert into report_change (tenant_id, customer_id)
    select tenant_id, customer_id from new_items union select tenant_id, customer_id from old_items;
    return null;
end $$;
create trigger open_item_report_update after update on open_item
    referencing new table as new_items old table as old_items
    for each statement execute function report_mark_updated_items();
create trigger open_item_report_delete after delete on open_item
    referencing old table as changed_items for each statement execute function report_mark_items();

-- Adds (p_sign 1) or subtracts (-1) the item figures of these accounts (null: every one) to the company's totals.
create function report_add_totals(p_tenant bigint, ids bigint[], p_sign integer) returns void language plpgsql as $$
begin
    -- two statements, not "ids is null or ...": an OR with a parameter would plan a scan of every account's rows
    if ids is null then
        insert into report_item_totals (tenant_id, currency, status_id, items, outstanding, not_due, d1_30, d31_60,
                                        d61_90, over90, credits, overdue_items, commented_overdue,
                                        commented_overdue_items, aged_0_30, aged_31_60, aged_61_90, aged_over90,
                                        aged_items_0_30, aged_items_31_60, aged_items_61_90, aged_items_over90)
        select p_tenant, f.currency, f.status_id, p_sign * sum(f.items), p_sign * sum(f.outstanding),
               p_sign * sum(f.not_due), p_sign * sum(f.d1_30), p_sign * sum(f.d31_60), p_sign * sum(f.d61_90),
               p_sign * sum(f.over90), p_sign * sum(f.credits), p_sign * sum(f.overdue_items),
               p_sign * sum(f.commented_overdue), p_sign * sum(f.commented_overdue_items),
               p_sign * sum(f.aged_0_30), p_sign * sum(f.aged_31_60), p_sign * sum(f.aged_61_90),
               p_sign * sum(f.aged_over90), p_sign * sum(f.aged_items_0_30), p_sign * sum(f.aged_items_31_60),
               p_sign * sum(f.aged_items_61_90), p_sign * sum(f.aged_items_over90)
        from report_item_figures f
        where f.tenant_id = p_tenant
        group by f.currency, f.status_id;
        return;
    end if;
    insert into report_item_totals as t (tenant_id, currency, status_id, items, outstanding, not_due, d1_30, d31_60,
                                         d61_90, over90, credits, overdue_items, commented_overdue,
                                         commented_overdue_items, aged_0_30, aged_31_60, aged_61_90, aged_over90,
                                         aged_items_0_30, aged_items_31_60, aged_items_61_90, aged_items_over90)
    select p_tenant, f.currency, f.status_id, p_sign * sum(f.items), p_sign * sum(f.outstanding),
           p_sign * sum(f.not_due), p_sign * sum(f.d1_30), p_sign * sum(f.d31_60), p_sign * sum(f.d61_90),
           p_sign * sum(f.over90), p_sign * sum(f.credits), p_sign * sum(f.overdue_items),
           p_sign * sum(f.commented_overdue), p_sign * sum(f.commented_overdue_items),
               p_sign * sum(f.aged_0_30), p_sign * sum(f.aged_31_60), p_sign * sum(f.aged_61_90),
               p_sign * sum(f.aged_over90), p_sign * sum(f.aged_items_0_30), p_sign * sum(f.aged_items_31_60),
               p_sign * sum(f.aged_items_61_90), p_sign * sum(f.aged_items_over90)
    from report_item_figures f
    where f.customer_id = any(ids) and f.tenant_id = p_tenant
    group by f.currency, f.status_id
    on conflict (tenant_id, currency, status_id) do update set
        items = t.items + excluded.items, outstanding = t.outstanding + excluded.outstanding,
        not_due = t.not_due + excluded.not_due, d1_30 = t.d1_30 + excluded.d1_30, d31_60 = t.d31_60 + excluded.d31_60,
        d61_90 = t.d61_90 + excluded.d61_90, over90 = t.over90 + excluded.over90, credits = t.credits + excluded.credits,
        overdue_items = t.overdue_items + excluded.overdue_items,
        commented_overdue = t.commented_overdue + excluded.commented_overdue,
        commented_overdue_items = t.commented_overdue_items + excluded.commented_overdue_items,
        aged_0_30 = t.aged_0_30 + excluded.aged_0_30, aged_31_60 = t.aged_31_60 + excluded.aged_31_60,
        aged_61_90 = t.aged_61_90 + excluded.aged_61_90, aged_over90 = t.aged_over90 + excluded.aged_over90,
        aged_items_0_30 = t.aged_items_0_30 + excluded.aged_items_0_30,
        aged_items_31_60 = t.aged_items_31_60 + excluded.aged_items_31_60,
        aged_items_61_90 = t.aged_items_61_90 + excluded.aged_items_61_90,
        aged_items_over90 = t.aged_items_over90 + excluded.aged_items_over90;
end $$;

-- Recomputes the figures of the marked accounts (p_all: of every account, aged as of p_today), one company at a
-- time: the advisory lock serialises the readers that find marks, and the state is checked again under it.
create function report_refresh_figures(p_tenant bigint, p_today date, p_all boolean) returns integer
language plpgsql as $$
declare
    ids bigint[];
    n integer;
begin
    perform pg_advisory_xact_lock(1919, p_tenant::integer);
    if p_all then
        if (select figures_as_of from report_state where tenant_id = p_tenant) = p_today then
            return 0;
        end if;
        delete from report_change where tenant_id = p_tenant;
        delete from report_item_figures where tenant_id = p_tenant;
        delete from report_customer_figures where tenant_id = p_tenant;
        delete from report_item_totals where tenant_id = p_tenant;
    else
        with claimed as (delete from report_change where tenant_id = p_tenant returning customer_id)
        select array_agg(distinct customer_id) into ids from claimed;
        if ids is null then
            return 0;
        end if;
        perform report_add_totals(p_tenant, ids, -1);
        delete from report_item_figures where tenant_id = p_tenant and customer_id = any(ids);
        delete from report_customer_figures where tenant_id = p_tenant and customer_id = any(ids);
    end if;
    -- the same statements for every account or for some, not "p_all or ...": that OR would plan a scan of every item
    if p_all then
        insert into report_item_figures (tenant_id, customer_id, currency, status_id, items, outstanding, not_due,
                                         d1_30, d31_60, d61_90, over90, credits, overdue_items, commented_overdue,
                                         commented_overdue_items, status_since, aged_0_30, aged_31_60, aged_61_90,
                                         aged_over90, aged_items_0_30, aged_items_31_60, aged_items_61_90,
                                         aged_items_over90)
        select o.tenant_id, o.customer_id, o.currency, coalesce(o.status_id, 0), count(*), sum(o.open_amount),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and o.due_date >= p_today), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date between 1 and 30), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date between 31 and 60), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date between 61 and 90), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date > 90), 0),
               coalesce(sum(o.open_amount) filter (where o.type <> 'INVOICE'), 0),
               count(*) filter (where o.type = 'INVOICE' and o.due_date < p_today),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and o.due_date < p_today
                                                     and nullif(btrim(o.last_comment), '') is not null), 0),
               count(*) filter (where o.type = 'INVOICE' and o.due_date < p_today
                                  and nullif(btrim(o.last_comment), '') is not null),
               min(a.since),
               coalesce(sum(o.open_amount) filter (where p_today - a.since <= 30), 0),
               coalesce(sum(o.open_amount) filter (where p_today - a.since between 31 and 60), 0),
               coalesce(sum(o.open_amount) filter (where p_today - a.since between 61 and 90), 0),
               coalesce(sum(o.open_amount) filter (where p_today - a.since > 90), 0),
               count(*) filter (where p_today - a.since <= 30),
               count(*) filter (where p_today - a.since between 31 and 60),
               count(*) filter (where p_today - a.since between 61 and 90),
               count(*) filter (where p_today - a.since > 90)
        from open_item o
        cross join lateral (select case when o.status_id is not null
                            then coalesce(o.status_date, o.changed_at::date, o.updated_at::date) end as since) a
        where o.tenant_id = p_tenant and o.closed_at is null and o.open_amount <> 0
        group by o.tenant_id, o.customer_id, o.currency, coalesce(o.status_id, 0);
        get diagnostics n = row_count;
        insert into report_customer_figures (tenant_id, customer_id, currency, outstanding, not_due, d1_30, d31_60,
                                             d61_90, over90, credits)
        select f.tenant_id, f.customer_id, f.currency, sum(f.outstanding), sum(f.not_due), sum(f.d1_30), sum(f.d31_60),
               sum(f.d61_90), sum(f.over90), sum(f.credits)
        from report_item_figures f
        where f.tenant_id = p_tenant
        group by f.tenant_id, f.customer_id, f.currency;
    else
        insert into report_item_figures (tenant_id, customer_id, currency, status_id, items, outstanding, not_due,
                                         d1_30, d31_60, d61_90, over90, credits, overdue_items, commented_overdue,
                                         commented_overdue_items, status_since, aged_0_30, aged_31_60, aged_61_90,
                                         aged_over90, aged_items_0_30, aged_items_31_60, aged_items_61_90,
                                         aged_items_over90)
        select o.tenant_id, o.customer_id, o.currency, coalesce(o.status_id, 0), count(*), sum(o.open_amount),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and o.due_date >= p_today), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date between 1 and 30), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date between 31 and 60), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date between 61 and 90), 0),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and p_today - o.due_date > 90), 0),
               coalesce(sum(o.open_amount) filter (where o.type <> 'INVOICE'), 0),
               count(*) filter (where o.type = 'INVOICE' and o.due_date < p_today),
               coalesce(sum(o.open_amount) filter (where o.type = 'INVOICE' and o.due_date < p_today
                                                     and nullif(btrim(o.last_comment), '') is not null), 0),
               count(*) filter (where o.type = 'INVOICE' and o.due_date < p_today
                                  and nullif(btrim(o.last_comment), '') is not null),
               min(a.since),
               coalesce(sum(o.open_amount) filter (where p_today - a.since <= 30), 0),
               coalesce(sum(o.open_amount) filter (where p_today - a.since between 31 and 60), 0),
               coalesce(sum(o.open_amount) filter (where p_today - a.since between 61 and 90), 0),
               coalesce(sum(o.open_amount) filter (where p_today - a.since > 90), 0),
               count(*) filter (where p_today - a.since <= 30),
               count(*) filter (where p_today - a.since between 31 and 60),
               count(*) filter (where p_today - a.since between 61 and 90),
               count(*) filter (where p_today - a.since > 90)
        from open_item o
        cross join lateral (select case when o.status_id is not null
                            then coalesce(o.status_date, o.changed_at::date, o.updated_at::date) end as since) a
        where o.customer_id = any(ids) and o.tenant_id = p_tenant and o.closed_at is null and o.open_amount <> 0
        group by o.tenant_id, o.customer_id, o.currency, coalesce(o.status_id, 0);
        get diagnostics n = row_count;
        insert into report_customer_figures (tenant_id, customer_id, currency, outstanding, not_due, d1_30, d31_60,
                                             d61_90, over90, credits)
        select f.tenant_id, f.customer_id, f.currency, sum(f.outstanding), sum(f.not_due), sum(f.d1_30), sum(f.d31_60),
               sum(f.d61_90), sum(f.over90), sum(f.credits)
        from report_item_figures f
        where f.customer_id = any(ids) and f.tenant_id = p_tenant
        group by f.tenant_id, f.customer_id, f.currency;
    end if;
    perform report_add_totals(p_tenant, ids, 1);
    if p_all then
        insert into report_state (tenant_id, figures_as_of) values (p_tenant, p_today)
        on conflict (tenant_id) do update set figures_as_of = excluded.figures_as_of;
    end if;
    return n;
end $$;

-- 2. Sales: invoices issued per account, currency and month (of the issue date; of the arrival without one), kept
--    as invoices arrive, whatever brings them. Customer 0: the company's total. An invoice edited later keeps the
--    sale it was (the history is what was issued, not what is open).
create table sales_month (
    tenant_id    bigint        not null,
    customer_id  bigint        not null,
    currency     char(3)       not null,
    month        date          not null,
    amount       numeric(19,4) not null,
    primary key (tenant_id, currency, customer_id, month)
);

create function report_record_sales() returns trigger language plpgsql as $$
begin
    insert into sales_month as s (tenant_id, customer_id, currency, month, amount)
    select tenant_id, customer_id, currency, month, sum(amount)
    from (select i.tenant_id, g.customer_id, i.currency,
                 date_trunc('month', coalesce(i.issue_date, current_date))::date as month, i.amount
          from new_items i
          cross join lateral (values (i.customer_id), (0::bigint)) g (customer_id)
          where i.type = 'INVOICE') x
    group by tenant_id, customer_id, currency, month
    order by tenant_id, currency, customer_id, month
    on conflict (tenant_id, currency, customer_id, month) do update set amount = s.amount + excluded.amount;
    return null;
end $$;
create trigger open_item_report_sales after insert on open_item
    referencing new table as new_items for each statement execute function report_record_sales();

insert into sales_month (tenant_id, customer_id, currency, month, amount)
select i.tenant_id, g.customer_id, i.currency, date_trunc('month', coalesce(i.issue_date, i.created_at::date))::date,
       sum(i.amount)
from open_item i
cross join lateral (values (i.customer_id), (0::bigint)) g (customer_id)
where i.type = 'INVOICE'
group by 1, 2, 3, 4;

-- 3. Receivables at each month end (month = its first day), total and current (invoices not yet due at the month
--    end), for the countback DSO and the CEI. Rebuilt from the items by a cluster-safe job (report_build_months):
--    what was open at a month end = what is open now of the items issued by then + what was received of them since.
create table receivable_month (
    tenant_id    bigint        not null,
    customer_id  bigint        not null,
    currency     char(3)       not null,
    month        date          not null,
    total        numeric(19,4) not null,
    current      numeric(19,4) not null,
    primary key (tenant_id, currency, customer_id, month)
);

create function report_build_months(p_tenant bigint, p_today date, p_months integer) returns integer
language plpgsql as $$
declare
    n integer;
begin
    perform pg_advisory_xact_lock(1920, p_tenant::integer);
    delete from receivable_month where tenant_id = p_tenant;
    with ends as (
        select (date_trunc('month', p_today) - make_interval(months => k))::date as month,
               (date_trunc('month', p_today) - make_interval(months => k - 1))::date - 1 as last_day
        from generate_series(1, p_months) k
    ),
    parts as (
        -- what is still open of the items issued by the month end
        select o.customer_id, o.currency, e.month, o.open_amount as amount,
               (o.type = 'INVOICE' and o.due_date >= e.last_day) as current
        from open_item o
        join ends e on coalesce(o.issue_date, o.created_at::date) <= e.last_day
        where o.tenant_id = p_tenant and o.closed_at is null and o.open_amount <> 0
        union all
        -- and what was received of them after the month end
        select o.customer_id, o.currency, e.month, r.amount,
               (o.type = 'INVOICE' and o.due_date >= e.last_day)
        from cash_receipt r
        join open_item o on o.id = r.open_item_id
        join ends e on coalesce(o.issue_date, o.created_at::date) <= e.last_day and r.received_on > e.last_day
        where r.tenant_id = p_tenant and r.received_on > (select min(last_day) from ends)
    )
    insert into receivable_month (tenant_id, customer_id, currency, month, total, current)
    select p_tenant, g.customer_id, p.currency, p.month, sum(p.amount),
           coalesce(sum(p.amount) filter (where p.current), 0)
    from parts p
    cross join lateral (values (p.customer_id), (0::bigint)) g (customer_id)
    group by g.customer_id, p.currency, p.month;
    get diagnostics n = row_count;
    insert into report_state (tenant_id, months_built) values (p_tenant, p_today)
    on conflict (tenant_id) do update set months_built = excluded.months_built;
    return n;
end $$;

-- 4. The qualification of overdue invoices per account, taken once a week (the week's Monday) from the figures:
--    the past of the qualification-rate trend.
create table qualification_week (
    tenant_id        bigint        not null,
    customer_id      bigint        not null,
    currency         char(3)       not null,
    week             date          not null,
    overdue          numeric(19,4) not null,
    qualified        numeric(19,4) not null,
    overdue_items    integer       not null,
    qualified_items  integer       not null,
    primary key (tenant_id, currency, week, customer_id)
);

create function report_take_week(p_tenant bigint, p_week date) returns integer language plpgsql as $$
declare
    n integer;
begin
    perform pg_advisory_xact_lock(1921, p_tenant::integer);
    if (select week_taken from report_state where tenant_id = p_tenant) >= p_week then
        return 0;
    end if;
    insert into qualification_week (tenant_id, customer_id, currency, week, overdue, qualified, overdue_items,
                                    qualified_items)
    select p_tenant, g.customer_id, f.currency, p_week,
           sum(f.d1_30 + f.d31_60 + f.d61_90 + f.over90),
           coalesce(sum(f.commented_overdue) filter (where f.status_id <> 0), 0),
           sum(f.overdue_items),
           coalesce(sum(f.commented_overdue_items) filter (where f.status_id <> 0), 0)
    from report_item_figures f
    cross join lateral (values (f.customer_id), (0::bigint)) g (customer_id)
    where f.tenant_id = p_tenant and f.overdue_items > 0
    group by g.customer_id, f.currency
    on conflict do nothing;
    get diagnostics n = row_count;
    insert into report_state (tenant_id, week_taken) values (p_tenant, p_week)
    on conflict (tenant_id) do update set week_taken = excluded.week_taken;
    return n;
end $$;
