-- Generation of collection actions and the agenda (issue 5 §2, decision 0011).

-- Items overdue for more than this many days, with no status and in no specific action, raise a warning action.
alter table tenant
    add column old_items_days integer not null default 183 check (old_items_days between 1 and 3650);

-- The step's position when the action was generated: the scenario's steps may be edited (replaced as a whole,
-- decision 0010) and step_id then goes null, but "which step comes next" must still be answered.
alter table collection_action
    add column step_position integer;

-- One waiting scenario action and one waiting old-items warning per account: the warning does not replace the
-- scenario's next step, and both stay idempotent targets of "insert ... on conflict do nothing".
drop index collection_action_waiting_uq;
create unique index collection_action_waiting_uq on collection_action (customer_id, (kind = 'OLD_ITEMS_WARNING'))
    where state in ('PLANNED', 'TO_CONFIRM');
-- "the last step done or skipped for this account" is asked for every account at each generation
create index collection_action_handled_idx on collection_action (customer_id, done_at desc)
    where state in ('DONE', 'SKIPPED');
-- an agenda of a tenant (admins), by date
create index collection_action_tenant_due_idx on collection_action (tenant_id, due_date, id)
    where state in ('PLANNED', 'TO_CONFIRM');
