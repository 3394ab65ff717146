-- Collection engine, shared core: scenarios and their steps, the account's scenario, templates and the
-- collection actions generated from scenarios. Each capability adds what else it needs in its own
-- migrations (V4_1 scenarios, V4_2 actions and agenda, V4_3 templates, V4_4 penalties and alerts).

-- A collection scenario: the ordered steps by which an account is chased.
create table scenario (
    id           bigserial primary key,
    tenant_id    bigint      not null references tenant (id),
    name         text        not null check (length(name) between 1 and 80),
    description  text        not null default '',
    -- the tenant's default applies to every customer without a scenario of its own (one per tenant)
    is_default   boolean     not null default false,
    standard     boolean     not null default false,
    created_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    unique (tenant_id, id)
);
create unique index scenario_name_uq on scenario (tenant_id, lower(name));
create unique index scenario_default_uq on scenario (tenant_id) where is_default;

-- One step: done offset_days after the due date of the account's oldest overdue item (negative: before it).
create table scenario_step (
    id                 bigserial primary key,
    tenant_id          bigint  not null,
    scenario_id        bigint  not null,
    position           integer not null check (position >= 0),
    offset_days        integer not null check (offset_days between -365 and 3650),
    kind               text    not null check (kind in ('EMAIL', 'LETTER', 'CALL', 'INTERNAL_TASK')),
    -- names a template by its code (a template exists per language); only for EMAIL and LETTER
    template_code      text,
    recipient          text    not null default 'COLLECTION_CONTACT'
                           check (recipient in ('COLLECTION_CONTACT', 'ALL_CONTACTS', 'INTERNAL_USER')),
    recipient_user_id  bigint  references app_user (id),
    mode               text    not null default 'MANUAL' check (mode in ('MANUAL', 'AUTO_WITH_CONFIRMATION', 'AUTO')),
    label              text    not null default '',
    check (kind in ('EMAIL', 'LETTER') or template_code is null),
    check (recipient <> 'INTERNAL_USER' or recipient_user_id is not null),
    foreign key (tenant_id, scenario_id) references scenario (tenant_id, id) on delete cascade,
    unique (tenant_id, id),
    -- deferrable: reordering swaps positions inside one transaction
    unique (scenario_id, position) deferrable initially deferred
);

-- The account's own scenario; null means the tenant's default scenario.
alter table customer
    add column scenario_id bigint,
    add column language    text check (language in ('en', 'fr')),
    add foreign key (tenant_id, scenario_id) references scenario (tenant_id, id);
create index customer_scenario_idx on customer (scenario_id) where scenario_id is not null;

-- Email and letter templates: text with #Hashtags, one row per code and language.
create table template (
    id          bigserial primary key,
    tenant_id   bigint      not null references tenant (id),
    code        text        not null check (code ~ '^[A-Z0-9_]{2,40}$'),
    language    text        not null check (language in ('en', 'fr')),
    kind        text        not null check (kind in ('EMAIL', 'LETTER')),
    name        text        not null check (length(name) between 1 and 80),
    subject     text        not null default '',
    body        text        not null default '',
    standard    boolean     not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 0,
    unique (tenant_id, code, language),
    unique (tenant_id, id)
);

-- An action of the collection process: generated from a scenario step (or a warning about old items),
-- then done, skipped, moved, reassigned or replaced by a collector. At most one action per account is
-- waiting (PLANNED or TO_CONFIRM) at any time, which makes generation idempotent.
create table collection_action (
    id              bigserial primary key,
    tenant_id       bigint        not null,
    customer_id     bigint        not null,
    scenario_id     bigint,
    step_id         bigint,
    kind            text          not null check (kind in ('EMAIL', 'LETTER', 'CALL', 'INTERNAL_TASK', 'OLD_ITEMS_WARNING')),
    mode            text          not null default 'MANUAL' check (mode in ('MANUAL', 'AUTO_WITH_CONFIRMATION', 'AUTO')),
    template_code   text,
    -- the due date of the oldest overdue item the step was counted from, and the date the action is for
    anchor_date     date,
    due_date        date          not null,
    assignee_id     bigint        references app_user (id),
    state           text          not null default 'PLANNED'
                        check (state in ('PLANNED', 'TO_CONFIRM', 'DONE', 'SKIPPED', 'REPLACED', 'OBSOLETE')),
    amount          numeric(19,4) not null default 0,
    outcome         text,
    note            text,
    mail_id         bigint        references mail_outbox (id),
    replaces_id     bigint        references collection_action (id),
    created_at      timestamptz   not null default now(),
    done_at         timestamptz,
    done_by         bigint        references app_user (id),
    version         bigint        not null default 0,
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade,
    -- plain keys: "on delete set null (column)" needs PostgreSQL 15 and the embedded server is 14
    foreign key (scenario_id) references scenario (id) on delete set null,
    foreign key (step_id) references scenario_step (id) on delete set null
);
create unique index collection_action_waiting_uq on collection_action (customer_id)
    where state in ('PLANNED', 'TO_CONFIRM');
-- the agenda: a user's waiting actions by date
create index collection_action_agenda_idx on collection_action (tenant_id, assignee_id, due_date, id)
    where state in ('PLANNED', 'TO_CONFIRM');
create index collection_action_customer_idx on collection_action (customer_id, created_at desc);

-- New kinds of events on the account's log.
alter table event drop constraint event_type_check;
alter table event add constraint event_type_check check (type in ('ITEMS_QUALIFIED', 'COMMENT_ADDED', 'MAIL_QUEUED',
    'MAIL_SENT', 'MAIL_FAILED', 'ACTION_CREATED', 'ACTION_COMPLETED', 'ACTION_CANCELLED', 'ITEMS_IMPORTED',
    'CONTACT_CHANGED', 'ALERT_RAISED', 'ALERT_CLEARED', 'STATUS_REPLACED', 'SCENARIO_ASSIGNED', 'ACTION_PLANNED',
    'ACTION_DONE', 'ACTION_SKIPPED', 'ACTION_RESCHEDULED', 'ACTION_REASSIGNED', 'ACTION_REPLACED', 'CALL_LOGGED',
    'LETTER_PRINTED'));
