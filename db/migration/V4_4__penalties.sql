-- Late-payment penalties (issue 5 §5): an on/off switch and the choice between the French statutory rate
-- (ECB main refinancing rate + 10 points, per half-year) and a fixed rate the company sets (penalty_rate).

alter table tenant
    add column penalties_enabled boolean not null default true,
    add column penalty_rate_mode text    not null default 'STATUTORY'
        check (penalty_rate_mode in ('STATUTORY', 'FIXED'));

-- A company that already chose another rate than the old default keeps it, as a fixed rate.
update tenant set penalty_rate_mode = 'FIXED' where penalty_rate <> 12.1500;

-- The ECB main refinancing operations rate, as published, by the date it took effect. Reference data
-- published by the ECB and the same for every company: the one table without tenant_id (decision 0009).
create table ecb_rate (
    effective_date date         primary key,
    rate           numeric(7,4) not null check (rate > -100 and rate < 100)
);

insert into ecb_rate (effective_date, rate) values
    ('2023-09-20', 4.5000),
    ('2024-06-12', 4.2500),
    ('2024-09-18', 3.6500),
    ('2024-10-23', 3.4000),
    ('2024-12-18', 3.1500),
    ('2025-02-05', 2.9000),
    ('2025-03-12', 2.6500),
    ('2025-04-23', 2.4000),
    ('2025-06-11', 2.1500);
