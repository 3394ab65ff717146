-- Live collaboration core: item statuses, qualification state on items, the per-account event log,
-- specific actions and the mail outbox.

-- Statuses a collector puts on items after a customer's feedback. The code names a status in the API.
create table item_status (
    id              bigserial primary key,
    tenant_id       bigint  not null references tenant (id),
    code            text    not null check (code ~ '^[A-Z0-9_]{2,40}$'),
    label_en        text    not null check (length(label_en) between 1 and 80),
    label_fr        text    not null check (length(label_fr) between 1 and 80),
    category        text    not null check (category in
                        ('ON_GOING', 'PROMISE_TO_PAY', 'DISPUTE', 'DISPUTE_RESOLVED', 'LITIGATION')),
    follow_up_days  integer not null default 7 check (follow_up_days between 0 and 3650),
    standard        boolean not null default false,
    created_at      timestamptz not null default now(),
    version         bigint  not null default 0,
    unique (tenant_id, code),
    unique (tenant_id, id)
);

-- The standard statuses every company starts with (at least one per category).
create function create_standard_statuses(tenant bigint) returns void language sql as $$
    insert into item_status (tenant_id, code, label_en, label_fr, category, follow_up_days, standard)
    values (tenant, 'REMINDER_SENT', 'Reminder sent', 'Relance envoyée', 'ON_GOING', 7, true),
           (tenant, 'CALLED_BACK', 'Call back', 'À rappeler', 'ON_GOING', 3, true),
           (tenant, 'INVOICE_RESENT', 'Invoice copy sent', 'Copie de facture envoyée', 'ON_GOING', 7, true),
           (tenant, 'PROMISE_TO_PAY', 'Promise to pay', 'Promesse de paiement', 'PROMISE_TO_PAY', 7, true),
           (tenant, 'PRICE_DISPUTE', 'Price dispute', 'Litige prix', 'DISPUTE', 14, true),
           (tenant, 'QUALITY_DISPUTE', 'Quality dispute', 'Litige qualité', 'DISPUTE', 14, true),
           (tenant, 'DELIVERY_DISPUTE', 'Delivery dispute', 'Litige livraison', 'DISPUTE', 14, true),
           (tenant, 'DISPUTE_RESOLVED', 'Dispute resolved', 'Litige résolu', 'DISPUTE_RESOLVED', 7, true),
           (tenant, 'LITIGATION', 'Sent to litigation', 'Transmis au contentieux', 'LITIGATION', 30, true)
    on conflict (tenant_id, code) do nothing
$$;

create function tenant_created() returns trigger language plpgsql as $$
begin
    perform create_standard_statuses(new.id);
    return new;
end
$$;
create trigger tenant_standard_statuses after insert on tenant
    for each row execute function tenant_created();
select create_standard_statuses(id) from tenant;

-- The qualification an item currently carries (its history is the event log).
alter table open_item
    add column status_id      bigint,
    add column status_date    date,
    add column follow_up_date date,
    add column last_comment   text,
    add column changed_by     bigint references app_user (id),
    add column changed_at     timestamptz,
    add foreign key (tenant_id, status_id) references item_status (tenant_id, id);
create index open_item_status_idx on open_item (status_id) where status_id is not null;

-- One log per customer account: every change anyone should see live. seq is gap-free per account,
-- taken from customer.event_seq in the writer's transaction (which also orders concurrent writers).
create table event (
    id          bigserial,
    tenant_id   bigint      not null,
    customer_id bigint      not null,
    seq         bigint      not null,
    type        text        not null check (type in ('ITEMS_QUALIFIED', 'COMMENT_ADDED', 'MAIL_QUEUED', 'MAIL_SENT',
                    'MAIL_FAILED', 'ACTION_CREATED', 'ACTION_COMPLETED', 'ACTION_CANCELLED', 'ITEMS_IMPORTED',
                    'CONTACT_CHANGED', 'ALERT_RAISED', 'STATUS_REPLACED')),
    payload     jsonb       not null,
    actor_id    bigint      references app_user (id),
    actor_name  text        not null,
    created_at  timestamptz not null default now(),
    primary key (customer_id, seq),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade
);
-- the tenant-wide stream replays in insertion order
create unique index event_tenant_id_idx on event (tenant_id, id);

-- An action outside the scenario for particular items, which it excludes from the scenario while open.
create table specific_action (
    id              bigserial primary key,
    tenant_id       bigint      not null,
    customer_id     bigint      not null,
    kind            text        not null check (kind in
                        ('DISPUTE_FOLLOW_UP', 'PROMISE_FOLLOW_UP', 'OLD_ITEMS_REVIEW', 'CUSTOM')),
    due_date        date        not null,
    assignee_id     bigint      not null references app_user (id),
    note            text,
    state           text        not null default 'OPEN' check (state in ('OPEN', 'COMPLETED', 'CANCELLED')),
    created_by      bigint      not null references app_user (id),
    created_at      timestamptz not null default now(),
    completed_by    bigint      references app_user (id),
    completed_at    timestamptz,
    completion_note text,
    version         bigint      not null default 0,
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade
);
create index specific_action_customer_idx on specific_action (customer_id, state);
create index specific_action_assignee_idx on specific_action (tenant_id, assignee_id, state, due_date);

create table specific_action_item (
    action_id     bigint not null references specific_action (id) on delete cascade,
    open_item_id  bigint not null references open_item (id) on delete cascade,
    primary key (action_id, open_item_id)
);
create index specific_action_item_item_idx on specific_action_item (open_item_id);

-- Every outgoing email, written in the transaction of the action that causes it and delivered later.
-- KEPT: no SMTP server is configured; the mail stays readable in the mail log.
create table mail_outbox (
    id               bigserial primary key,
    tenant_id        bigint      not null references tenant (id),
    customer_id      bigint,
    recipient        text        not null,
    recipient_name   text,
    subject          text        not null,
    body_html        text        not null,
    state            text        not null default 'PENDING' check (state in ('PENDING', 'SENT', 'FAILED', 'KEPT')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    created_by       bigint      references app_user (id),
    created_at       timestamptz not null default now(),
    sent_at          timestamptz,
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where state = 'PENDING';
create index mail_outbox_tenant_idx on mail_outbox (tenant_id, created_at desc);
