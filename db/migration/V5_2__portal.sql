-- The customer portal (decision 0018): personal links, what customers send through them, and invoice PDFs.

-- how long a new portal link lives, per company (an administrator changes it in the company settings)
alter table tenant add column portal_link_days integer not null default 30
    check (portal_link_days between 1 and 365);

-- A link gives one customer account (and the contact it was sent to) access to its portal. Only the SHA-256 of the
-- token is kept: the token itself exists only in the email (and the URL the creator copied).
create table portal_link (
    id            bigserial primary key,
    tenant_id     bigint      not null references tenant (id),
    customer_id   bigint      not null,
    contact_id    bigint      references contact (id) on delete set null,
    -- who it was sent to, kept as written: a contact re-imported later does not rename history
    contact_name  text,
    contact_email text,
    token_hash    bytea       not null unique check (octet_length(token_hash) = 32),
    created_by    bigint      references app_user (id),
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_by    bigint      references app_user (id),
    last_used_at  timestamptz,
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade
);
create index portal_link_customer_idx on portal_link (customer_id, created_at desc);

-- A customer's comment, promise to pay or dispute on some of its items, until a collector decides on it.
create table portal_submission (
    id            bigserial primary key,
    tenant_id     bigint      not null references tenant (id),
    customer_id   bigint      not null,
    link_id       bigint      not null references portal_link (id) on delete cascade,
    contact_id    bigint      references contact (id) on delete set null,
    contact_name  text,
    kind          text        not null check (kind in ('COMMENT', 'PROMISE', 'DISPUTE')),
    item_ids      bigint[]    not null check (cardinality(item_ids) between 1 and 100),
    promised_date date,
    comment       text        not null check (char_length(comment) <= 2000),
    state         text        not null default 'PENDING' check (state in ('PENDING', 'VALIDATED', 'REJECTED')),
    decided_by    bigint      references app_user (id),
    decided_at    timestamptz,
    answer        text        check (char_length(answer) <= 2000),
    created_at    timestamptz not null default now(),
    version       bigint      not null default 0,
    check (kind <> 'PROMISE' or promised_date is not null),
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade
);
create index portal_submission_customer_idx on portal_submission (customer_id, created_at desc);

-- The PDF copy of an item (an invoice, a credit note), at most one per item; a new upload replaces it.
create table item_document (
    item_id      bigint      primary key references open_item (id) on delete cascade,
    tenant_id    bigint      not null references tenant (id),
    customer_id  bigint      not null,
    file_name    text        not null check (char_length(file_name) between 1 and 200),
    content_type text        not null,
    content      bytea       not null,
    size         integer     not null,
    uploaded_by  bigint      references app_user (id),
    uploaded_at  timestamptz not null default now()
);
create index item_document_customer_idx on item_document (customer_id);
