-- Foundation schema: tenants, users, customers, contacts, open items, imports.
-- Money is numeric(19,4); enumerations are text + CHECK; every row carries tenant_id.

create table tenant (
    id                  bigserial primary key,
    name                text        not null,
    address             text,
    postal_code         text,
    city                text,
    country             text,
    logo                bytea,
    logo_content_type   text,
    main_currency       char(3)     not null default 'EUR',
    -- French statutory default: ECB refinancing rate + 10 points
    penalty_rate        numeric(7,4)  not null default 12.1500,
    recovery_indemnity  numeric(19,4) not null default 40,
    language            text        not null default 'en' check (language in ('en', 'fr')),
    collectors_see_all  boolean     not null default false,
    created_at          timestamptz not null default now(),
    version             bigint      not null default 0
);

create table app_user (
    id              bigserial primary key,
    tenant_id       bigint      not null references tenant (id),
    login           text        not null,
    name            text        not null,
    email           text,
    password_hash   text        not null,
    role            text        not null check (role in ('ADMIN', 'COLLECTOR', 'SALES_MANAGER')),
    locale          text        not null default 'en' check (locale in ('en', 'fr')),
    enabled         boolean     not null default true,
    created_at      timestamptz not null default now(),
    version         bigint      not null default 0
);
-- logins are global: the login form does not ask for a company
create unique index app_user_login_uq on app_user (lower(login));
create index app_user_tenant_idx on app_user (tenant_id);

create table api_token (
    id            bigserial primary key,
    tenant_id     bigint      not null references tenant (id),
    user_id       bigint      not null references app_user (id),
    name          text        not null,
    token_hash    text        not null unique,   -- SHA-256 hex of the secret; the secret is shown once
    token_prefix  text        not null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
create index api_token_user_idx on api_token (tenant_id, user_id);

create table customer (
    id           bigserial primary key,
    tenant_id    bigint      not null references tenant (id),
    account      text        not null,
    name         text        not null,
    address      text,
    postal_code  text,
    city         text,
    country      text,
    currency     char(3)     not null default 'EUR',
    email        text,
    phone        text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      bigint      not null default 0,
    -- gap-free per-account event sequence (event log, see ARCHITECTURE.md)
    event_seq    bigint      not null default 0,
    unique (tenant_id, account),
    -- target of (tenant_id, customer_id) foreign keys: a row can never point at another tenant's customer
    unique (tenant_id, id)
);
create index customer_name_idx on customer (tenant_id, lower(name) text_pattern_ops);
create index customer_account_lower_idx on customer (tenant_id, lower(account) text_pattern_ops);

create table customer_assignment (
    tenant_id    bigint not null references tenant (id),
    customer_id  bigint not null references customer (id) on delete cascade,
    user_id      bigint not null references app_user (id),
    role         text   not null check (role in ('COLLECTOR', 'SALES_MANAGER')),
    primary key (customer_id, user_id)
);
create index customer_assignment_user_idx on customer_assignment (tenant_id, user_id, customer_id);

create table contact (
    id                  bigserial primary key,
    tenant_id           bigint      not null references tenant (id),
    customer_id         bigint      not null references customer (id) on delete cascade,
    name                text        not null,
    role                text,
    email               text,
    phone               text,
    collection_contact  boolean     not null default false,
    created_at          timestamptz not null default now(),
    version             bigint      not null default 0
);
-- a contact is identified within its customer by its name (import key)
create unique index contact_name_uq on contact (customer_id, lower(name));
create index contact_tenant_idx on contact (tenant_id);

create table open_item (
    id            bigserial primary key,
    tenant_id     bigint        not null,
    customer_id   bigint        not null,
    type          text          not null check (type in ('INVOICE', 'CREDIT_NOTE', 'UNALLOCATED_PAYMENT')),
    number        text          not null,
    issue_date    date,
    due_date      date          not null,
    amount        numeric(19,4) not null,
    open_amount   numeric(19,4) not null,
    currency      char(3)       not null,
    reference     text,
    closed_at     timestamptz,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now(),
    version       bigint        not null default 0,
    unique (tenant_id, type, number),
    -- one check per imported line, and it also proves the item's tenant is its customer's tenant
    foreign key (tenant_id, customer_id) references customer (tenant_id, id)
);
-- one index serves the statement of account (customer, by due date) and the per-account balance refresh;
-- every extra index on this table is paid on each imported line
create index open_item_customer_due_idx on open_item (customer_id, due_date);

-- Money received: an item closed by a snapshot import or whose open amount went down.
create table cash_receipt (
    id            bigserial primary key,
    tenant_id     bigint        not null references tenant (id),
    customer_id   bigint        not null references customer (id),
    open_item_id  bigint        not null references open_item (id),
    amount        numeric(19,4) not null,
    received_on   date          not null,
    due_date      date          not null,
    import_run_id bigint,
    created_at    timestamptz   not null default now()
);
create index cash_receipt_tenant_idx on cash_receipt (tenant_id, received_on);
create index cash_receipt_customer_idx on cash_receipt (customer_id, received_on);

-- Per-account figures for the customer list (sorting 100k accounts by balance must not
-- aggregate every open item per page). Refreshed set-based after every change of items
-- and once a day, since "overdue" moves with the date.
create table customer_balance (
    customer_id      bigint primary key references customer (id) on delete cascade,
    tenant_id        bigint        not null references tenant (id),
    balance          numeric(19,4) not null default 0,
    overdue          numeric(19,4) not null default 0,
    open_items       integer       not null default 0,
    oldest_overdue   date,
    as_of            date          not null default current_date
);
create index customer_balance_balance_idx on customer_balance (tenant_id, balance desc);
create index customer_balance_overdue_idx on customer_balance (tenant_id, overdue desc);
create index customer_balance_oldest_idx on customer_balance (tenant_id, oldest_overdue);

create table import_run (
    id            bigserial primary key,
    tenant_id     bigint      not null references tenant (id),
    user_id       bigint      references app_user (id),
    kind          text        not null check (kind in ('CUSTOMERS', 'CONTACTS', 'ITEMS')),
    source        text        not null check (source in ('UPLOAD', 'API', 'INBOX')),
    mode          text        not null check (mode in ('SNAPSHOT', 'UPSERT')),
    file_name     text,
    state         text        not null check (state in ('RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED')),
    started_at    timestamptz not null default now(),
    finished_at   timestamptz,
    lines         integer     not null default 0,
    created       integer     not null default 0,
    updated       integer     not null default 0,
    unchanged     integer     not null default 0,
    closed        integer     not null default 0,
    rejected      integer     not null default 0,
    errors        jsonb       not null default '[]'::jsonb,
    message       text
);
create index import_run_tenant_idx on import_run (tenant_id, started_at desc);

-- Which accounts an import touched, for the customer sheet's import history.
create table import_run_customer (
    import_run_id  bigint  not null references import_run (id) on delete cascade,
    customer_id    bigint  not null references customer (id) on delete cascade,
    tenant_id      bigint  not null,
    created        integer not null default 0,
    updated        integer not null default 0,
    closed         integer not null default 0,
    primary key (customer_id, import_run_id)
);

-- Saved header mapping per tenant and import kind: {"their header": "canonical column"}.
create table column_mapping (
    tenant_id  bigint not null references tenant (id),
    kind       text   not null check (kind in ('CUSTOMERS', 'CONTACTS', 'ITEMS')),
    mapping    jsonb  not null default '{}'::jsonb,
    primary key (tenant_id, kind)
);
