-- The live cash forecast, the payment behaviour it rests on, and the customers' credit limits (issue 7; decision
-- 0020). Everything here is maintained incrementally: nothing rescans all receipts or all items per change.

-- A customer's credit limit (null: none); importable (column credit_limit) and editable on the customer sheet.
alter table customer add column credit_limit numeric(19,4) check (credit_limit >= 0);

-- How a customer pays, from its receipts (invoices paid, in full or in part; credit notes consumed give negative
-- receipts and are not payments): the amount-weighted days late, received_on - due_date (early is negative).
-- All time for the forecast; the current and previous 2 calendar months (3m) and the current and previous 11
-- (12m) for the payment trend, as of window_month: a receipt adds to the windows it falls in, and the daily run
-- recomputes the windows from payment_month when a new month starts.
create table payment_behaviour (
    customer_id   bigint        primary key references customer (id) on delete cascade,
    tenant_id     bigint        not null references tenant (id),
    paid          numeric(19,4) not null default 0,
    late_weight   numeric(28,4) not null default 0,
    window_month  date          not null,
    paid_3m       numeric(19,4) not null default 0,
    late_3m       numeric(28,4) not null default 0,
    paid_12m      numeric(19,4) not null default 0,
    late_12m      numeric(28,4) not null default 0
);
create index payment_behaviour_tenant_idx on payment_behaviour (tenant_id) include (paid, late_weight);

create table payment_month (
    customer_id   bigint        not null references customer (id) on delete cascade,
    month         date          not null,
    tenant_id     bigint        not null references tenant (id),
    paid          numeric(19,4) not null default 0,
    late_weight   numeric(28,4) not null default 0,
    primary key (customer_id, month)
);

-- Accounts whose forecast must be recomputed: marked in the changing transaction (items, their statuses,
-- receipts), claimed by the short forecast refresh under the tenant's lock. Insert-only, no key, like
-- agenda_change: a marking transaction never waits for another.
create table forecast_change (
    tenant_id    bigint      not null,
    customer_id  bigint      not null,
    marked_at    timestamptz not null default now()
);
create index forecast_change_tenant_idx on forecast_change (tenant_id);

-- What each account is expected to pay, by currency and date; at_risk: disputed or in litigation.
create table forecast_expected (
    tenant_id    bigint        not null,
    customer_id  bigint        not null references customer (id) on delete cascade,
    currency     char(3)       not null,
    expected_on  date          not null,
    at_risk      boolean       not null,
    amount       numeric(19,4) not null
);
-- a filtered view reads its accounts' rows by account, from the index alone
create index forecast_expected_customer_idx on forecast_expected (customer_id, currency)
    include (expected_on, at_risk, amount);
create index forecast_expected_tenant_idx on forecast_expected (tenant_id, currency, expected_on)
    include (customer_id, at_risk, amount);

-- The same summed over the tenant (the whole book: what a finance lead sees unfiltered), kept by the refresh
-- adding the difference of the accounts it recomputes.
create table forecast_total (
    tenant_id    bigint        not null,
    currency     char(3)       not null,
    expected_on  date          not null,
    at_risk      boolean       not null,
    amount       numeric(19,4) not null,
    primary key (tenant_id, currency, expected_on, at_risk)
);

-- The day the tenant's forecast was last rebuilt in full (the date moves expected dates of late items).
create table forecast_state (
    tenant_id    bigint      primary key references tenant (id),
    built_on     date        not null,
    built_at     timestamptz not null default now()
);

-- Each week's forecast as it stood when the week started, for the accuracy (expected vs received): per account,
-- so that the filters apply, and summed over the tenant.
create table forecast_snapshot (
    tenant_id    bigint        not null,
    week_start   date          not null,
    customer_id  bigint        not null references customer (id) on delete cascade,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    primary key (tenant_id, week_start, customer_id, currency)
);
create index forecast_snapshot_customer_idx on forecast_snapshot (customer_id, week_start) include (currency, amount);
create table forecast_snapshot_total (
    tenant_id    bigint        not null,
    week_start   date          not null,
    currency     char(3)       not null,
    amount       numeric(19,4) not null,
    primary key (tenant_id, week_start, currency)
);
create table forecast_snapshot_week (
    tenant_id    bigint      not null references tenant (id),
    week_start   date        not null,
    taken_at     timestamptz not null default now(),
    primary key (tenant_id, week_start)
);

-- Receipts summed per account, day and currency (the item's), on time (received on or before the due date) or
-- late, with the payments' weighted days late; and per tenant: what the receipts report and the forecast's
-- accuracy read instead of the receipts themselves. Kept by the receipts trigger below.
create table receipt_day (
    customer_id  bigint        not null references customer (id) on delete cascade,
    received_on  date          not null,
    currency     char(3)       not null,
    tenant_id    bigint        not null references tenant (id),
    on_time      numeric(19,4) not null default 0,
    late         numeric(19,4) not null default 0,
    paid         numeric(19,4) not null default 0,
    late_weight  numeric(28,4) not null default 0,
    primary key (customer_id, received_on, currency) include (on_time, late, paid, late_weight)
);
create index receipt_day_tenant_idx on receipt_day (tenant_id, received_on)
    include (customer_id, currency, on_time, late, paid, late_weight);
create table receipt_day_total (
    tenant_id    bigint        not null references tenant (id),
    received_on  date          not null,
    currency     char(3)       not null,
    on_time      numeric(19,4) not null default 0,
    late         numeric(19,4) not null default 0,
    primary key (tenant_id, received_on, currency)
);

-- Items: statement-level with transition tables (an import marks each account once).
create function forecast_mark_items() returns trigger language plpgsql as $$
begin
    insert into forecast_change (tenant_id, customer_id)
    select distinct tenant_id, customer_id from changed_items;
    return null;
end $$;
create trigger open_item_forecast_insert after insert on open_item
    referencing new table as changed_items for each statement execute function forecast_mark_items();
create trigger open_item_forecast_update after update on open_item
    referencing new table as changed_items for each statement execute function forecast_mark_items();
create trigger open_item_forecast_delete after delete on open_item
    referencing old table as changed_items for each statement execute function forecast_mark_items();

-- Receipts: the behaviour aggregates, and the account's forecast (its delay moved).
create function payment_behaviour_receipts() returns trigger language plpgsql as $$
declare
    this_month date := date_trunc('month', current_date)::date;
begin
    insert into payment_month (customer_id, month, tenant_id, paid, late_weight)
    select customer_id, date_trunc('month', received_on)::date, tenant_id, sum(amount),
           sum(amount * (received_on - due_date))
    from new_receipts where amount > 0
    group by customer_id, date_trunc('month', received_on)::date, tenant_id
    on conflict (customer_id, month) do update
        set paid = payment_month.paid + excluded.paid,
            late_weight = payment_month.late_weight + excluded.late_weight;

    insert into payment_behaviour (customer_id, tenant_id, paid, late_weight, window_month, paid_3m, late_3m,
                                   paid_12m, late_12m)
    select customer_id, tenant_id, sum(amount), sum(amount * (received_on - due_date)), this_month,
           coalesce(sum(amount) filter (where received_on >= this_month - interval '2 months'), 0),
           coalesce(sum(amount * (received_on - due_date)) filter (where received_on >= this_month - interval '2 months'), 0),
           coalesce(sum(amount) filter (where received_on >= this_month - interval '11 months'), 0),
           coalesce(sum(amount * (received_on - due_date)) filter (where received_on >= this_month - interval '11 months'), 0)
    from new_receipts where amount > 0
    group by customer_id, tenant_id
    on conflict (customer_id) do update
        set paid = payment_behaviour.paid + excluded.paid,
            late_weight = payment_behaviour.late_weight + excluded.late_weight,
            paid_3m = payment_behaviour.paid_3m + excluded.paid_3m,
            late_3m = payment_behaviour.late_3m + excluded.late_3m,
            paid_12m = payment_behaviour.paid_12m + excluded.paid_12m,
            late_12m = payment_behaviour.late_12m + excluded.late_12m;

    insert into receipt_day (customer_id, received_on, currency, tenant_id, on_time, late, paid, late_weight)
    select r.customer_id, r.received_on, o.currency, r.tenant_id,
           coalesce(sum(r.amount) filter (where r.received_on <= r.due_date), 0),
           coalesce(sum(r.amount) filter (where r.received_on > r.due_date), 0),
           coalesce(sum(r.amount) filter (where r.amount > 0), 0),
           coalesce(sum(r.amount * (r.received_on - r.due_date)) filter (where r.amount > 0), 0)
    from new_receipts r join open_item o on o.id = r.open_item_id
    group by r.customer_id, r.received_on, o.currency, r.tenant_id
    on conflict (customer_id, received_on, currency) do update
        set on_time = receipt_day.on_time + excluded.on_time, late = receipt_day.late + excluded.late,
            paid = receipt_day.paid + excluded.paid, late_weight = receipt_day.late_weight + excluded.late_weight;

    insert into receipt_day_total (tenant_id, received_on, currency, on_time, late)
    select r.tenant_id, r.received_on, o.currency,
           coalesce(sum(r.amount) filter (where r.received_on <= r.due_date), 0),
           coalesce(sum(r.amount) filter (where r.received_on > r.due_date), 0)
    from new_receipts r join open_item o on o.id = r.open_item_id
    group by r.tenant_id, r.received_on, o.currency
    on conflict (tenant_id, received_on, currency) do update
        set on_time = receipt_day_total.on_time + excluded.on_time, late = receipt_day_total.late + excluded.late;

    insert into forecast_change (tenant_id, customer_id)
    select distinct tenant_id, customer_id from new_receipts;
    return null;
end $$;
create trigger cash_receipt_behaviour after insert on cash_receipt
    referencing new table as new_receipts for each statement execute function payment_behaviour_receipts();

-- Behaviour of the receipts already recorded.
insert into payment_month (customer_id, month, tenant_id, paid, late_weight)
select customer_id, date_trunc('month', received_on)::date, tenant_id, sum(amount), sum(amount * (received_on - due_date))
from cash_receipt where amount > 0 group by 1, 2, 3;
insert into payment_behaviour (customer_id, tenant_id, paid, late_weight, window_month, paid_3m, late_3m, paid_12m,
                               late_12m)
select customer_id, tenant_id, sum(paid), sum(late_weight), date_trunc('month', current_date)::date,
       coalesce(sum(paid) filter (where month >= date_trunc('month', current_date) - interval '2 months'), 0),
       coalesce(sum(late_weight) filter (where month >= date_trunc('month', current_date) - interval '2 months'), 0),
       coalesce(sum(paid) filter (where month >= date_trunc('month', current_date) - interval '11 months'), 0),
       coalesce(sum(late_weight) filter (where month >= date_trunc('month', current_date) - interval '11 months'), 0)
from payment_month group by 1, 2;

insert into receipt_day (customer_id, received_on, currency, tenant_id, on_time, late, paid, late_weight)
select r.customer_id, r.received_on, o.currency, r.tenant_id,
       coalesce(sum(r.amount) filter (where r.received_on <= r.due_date), 0),
       coalesce(sum(r.amount) filter (where r.received_on > r.due_date), 0),
       coalesce(sum(r.amount) filter (where r.amount > 0), 0),
       coalesce(sum(r.amount * (r.received_on - r.due_date)) filter (where r.amount > 0), 0)
from cash_receipt r join open_item o on o.id = r.open_item_id
group by r.customer_id, r.received_on, o.currency, r.tenant_id;
insert into receipt_day_total (tenant_id, received_on, currency, on_time, late)
select tenant_id, received_on, currency, sum(on_time), sum(late) from receipt_day group by 1, 2, 3;

-- Each account's credit risk figures and points (decision 0022), recomputed with its forecast by the same refresh
-- (marks) and daily run, so that the report reads one narrow row per account. listed: a balance or a limit.
create table credit_standing (
    customer_id    bigint        primary key references customer (id) on delete cascade,
    tenant_id      bigint        not null,
    currency       char(3)       not null,
    exposure       numeric(19,4) not null,
    overdue        numeric(19,4) not null,
    credit_limit   numeric(19,4),
    utilisation    numeric(12,1),
    overdue_share  numeric(12,1),
    days_12m       numeric(12,1),
    days_3m        numeric(12,1),
    trend          numeric(12,1),
    over_limit     boolean       not null,
    worsening      boolean       not null,
    points         integer       not null,
    listed         boolean       not null
);
create index credit_standing_rank_idx on credit_standing (tenant_id, currency, points desc, exposure desc)
    where listed;

-- The balances move the exposure: every refresh of customer_balance marks its accounts, whoever runs it.
create function forecast_mark_balances() returns trigger language plpgsql as $$
begin
    insert into forecast_change (tenant_id, customer_id)
    select distinct tenant_id, customer_id from changed_balances;
    return null;
end $$;
create trigger customer_balance_forecast_insert after insert on customer_balance
    referencing new table as changed_balances for each statement execute function forecast_mark_balances();
create trigger customer_balance_forecast_update after update on customer_balance
    referencing new table as changed_balances for each statement execute function forecast_mark_balances();

-- A credit limit (edited or imported) or a currency change.
create function forecast_mark_customer() returns trigger language plpgsql as $$
begin
    insert into forecast_change (tenant_id, customer_id) values (new.tenant_id, new.id);
    return null;
end $$;
create trigger customer_credit_forecast after update of credit_limit, currency on customer
    for each row when (old.credit_limit is distinct from new.credit_limit or old.currency is distinct from new.currency)
    execute function forecast_mark_customer();
