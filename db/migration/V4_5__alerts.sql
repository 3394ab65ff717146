-- Alerts (issue 5 §6, decision 0015): rules a company switches on and off, each with its number of days, and the
-- alerts they raise on accounts.

-- One row per company and rule. days: PROMISE_BROKEN counts from the promised date, NO_ACTION from the last action
-- done (or the oldest overdue due date); OLD_ITEM_WITHOUT_STATUS uses tenant.old_items_days (the company's one
-- "old item" threshold, shared with the agenda's warning), MAIL_FAILED has none.
create table alert_rule (
    tenant_id  bigint  not null references tenant (id),
    rule       text    not null check (rule in ('PROMISE_BROKEN', 'NO_ACTION', 'OLD_ITEM_WITHOUT_STATUS', 'MAIL_FAILED')),
    enabled    boolean not null default true,
    days       integer check (days between 0 and 3650),
    primary key (tenant_id, rule)
);

create function create_alert_rules(tenant bigint) returns void language sql as $$
    insert into alert_rule (tenant_id, rule, enabled, days)
    values (tenant, 'PROMISE_BROKEN', true, 3),
           (tenant, 'NO_ACTION', true, 15),
           (tenant, 'OLD_ITEM_WITHOUT_STATUS', true, null),
           (tenant, 'MAIL_FAILED', true, null)
    on conflict (tenant_id, rule) do nothing
$$;

-- A trigger of its own, like tenant_standard_scenarios: each capability seeds its own tables.
create function tenant_created_alert_rules() returns trigger language plpgsql as $$
begin
    perform create_alert_rules(new.id);
    return new;
end
$$;
create trigger tenant_standard_alert_rules after insert on tenant
    for each row execute function tenant_created_alert_rules();
select create_alert_rules(id) from tenant;

-- An alert on an account. subject names what the condition is about within the account (an item's id, a mail's
-- id, 'account'). It is shown while cleared_at is null; a user acknowledging it clears it, but its condition may
-- last: the alert then stays the one of that condition (ended_at null) and is not raised again. When the condition
-- ends (or the rule is switched off) ended_at is set, and the same condition coming back later is a new alert.
create table alert (
    id              bigserial primary key,
    tenant_id       bigint      not null,
    customer_id     bigint      not null,
    rule            text        not null check (rule in ('PROMISE_BROKEN', 'NO_ACTION', 'OLD_ITEM_WITHOUT_STATUS', 'MAIL_FAILED')),
    subject         text        not null,
    details         jsonb       not null default '{}'::jsonb,
    raised_at       timestamptz not null default now(),
    cleared_at      timestamptz,
    cleared_reason  text        check (cleared_reason in ('RESOLVED', 'ACKNOWLEDGED', 'DISABLED')),
    cleared_by      bigint      references app_user (id),
    ended_at        timestamptz,
    check ((cleared_at is null) = (cleared_reason is null)),
    check (ended_at is null or cleared_at is not null),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade
);
-- raised once while its condition lasts
create unique index alert_once_uq on alert (tenant_id, customer_id, rule, subject) where ended_at is null;
-- badges and the bell: open alerts of an account, of a tenant
create index alert_open_idx on alert (tenant_id, customer_id) where cleared_at is null;
-- the notifications list, newest first
create index alert_tenant_raised_idx on alert (tenant_id, raised_at desc, id desc);
create index alert_customer_idx on alert (customer_id, raised_at desc);
-- MAIL_FAILED asks, every few minutes, for the failed mails of a company and for a later mail sent to the account
create index mail_outbox_failed_idx on mail_outbox (tenant_id, customer_id, id) where state = 'FAILED';
create index mail_outbox_customer_sent_idx on mail_outbox (customer_id, id) where state = 'SENT';
