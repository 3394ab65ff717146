-- ECB rates a company records itself (issue 5 §5, decision 0016). The published rates stay in ecb_rate, shared by
-- every company and extended by later migrations; a company's own row for a date adds a rate the seed does not
-- have yet (the seed stops at 2025-06-11) or replaces the published one for that date. The rates a company's
-- statutory penalty uses are the union of both, its own row winning on the same date.
create table tenant_ecb_rate (
    tenant_id      bigint       not null references tenant (id) on delete cascade,
    effective_date date         not null,
    rate           numeric(7,4) not null check (rate >= -10 and rate <= 30),
    updated_by     bigint       references app_user (id) on delete set null,
    updated_at     timestamptz  not null default now(),
    primary key (tenant_id, effective_date)
);
