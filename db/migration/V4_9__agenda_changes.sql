-- Incremental action generation (decision 0011, "changes"): every change that can move an account's next action
-- marks the account here, in the changing transaction, whoever makes it (a qualification, an import, a payment,
-- a specific action, a scenario assignment or edit, a setting). A frequent cluster-safe run claims the marks of a
-- tenant and regenerates those accounts only; the daily run still covers every account, as the date moves.
-- No key: a mark is only ever inserted, never conflicts, so a marking transaction never waits for another one
-- (nor for the run claiming marks, which would deadlock with writers holding account rows); an account marked
-- twice is claimed once (select distinct).
create table agenda_change (
    tenant_id    bigint      not null,
    customer_id  bigint      not null,
    marked_at    timestamptz not null default now()
);
create index agenda_change_tenant_idx on agenda_change (tenant_id);

-- Items: statement-level with transition tables, so an import of a million rows marks each account once, in one
-- aggregate, not a million times. Updates of any column count: the transition tables cannot be limited to
-- columns, and the few columns that do not matter (a version, a comment count) are not worth a join of old rows.
create function agenda_mark_items() returns trigger language plpgsql as $$
begin
    insert into agenda_change (tenant_id, customer_id)
    select distinct tenant_id, customer_id from changed_items;
    return null;
end $$;
create trigger open_item_agenda_insert after insert on open_item
    referencing new table as changed_items for each statement execute function agenda_mark_items();
create trigger open_item_agenda_update after update on open_item
    referencing new table as changed_items for each statement execute function agenda_mark_items();
create trigger open_item_agenda_delete after delete on open_item
    referencing old table as changed_items for each statement execute function agenda_mark_items();

-- Specific actions exclude their items while OPEN: opening, closing and re-scoping one moves the anchor.
create function agenda_mark_specific_actions() returns trigger language plpgsql as $$
begin
    insert into agenda_change (tenant_id, customer_id)
    select distinct tenant_id, customer_id from changed_actions;
    return null;
end $$;
create trigger specific_action_agenda_insert after insert on specific_action
    referencing new table as changed_actions for each statement execute function agenda_mark_specific_actions();
create trigger specific_action_agenda_update after update on specific_action
    referencing new table as changed_actions for each statement execute function agenda_mark_specific_actions();

create function agenda_mark_specific_action_items() returns trigger language plpgsql as $$
begin
    insert into agenda_change (tenant_id, customer_id)
    select distinct o.tenant_id, o.customer_id from changed_links l join open_item o on o.id = l.open_item_id;
    return null;
end $$;
create trigger specific_action_item_agenda_insert after insert on specific_action_item
    referencing new table as changed_links for each statement execute function agenda_mark_specific_action_items();
create trigger specific_action_item_agenda_delete after delete on specific_action_item
    referencing old table as changed_links for each statement execute function agenda_mark_specific_action_items();

-- A customer row changes with every event on its account (its event sequence): only a change of scenario
-- counts, so this one is a row trigger filtered by the column and by WHEN.
create function agenda_mark_customer() returns trigger language plpgsql as $$
begin
    insert into agenda_change (tenant_id, customer_id) values (new.tenant_id, new.id);
    return null;
end $$;
create trigger customer_agenda_scenario after update of scenario_id on customer
    for each row when (old.scenario_id is distinct from new.scenario_id) execute function agenda_mark_customer();

-- A scenario's steps are replaced as a whole when it is edited (decision 0010): its accounts, and the accounts
-- without a scenario of their own when it is the default.
create function agenda_mark_scenario_steps() returns trigger language plpgsql as $$
begin
    insert into agenda_change (tenant_id, customer_id)
    select c.tenant_id, c.id
    from customer c
    join scenario s on s.tenant_id = c.tenant_id
    where s.id in (select distinct scenario_id from changed_steps)
      and (c.scenario_id = s.id or (c.scenario_id is null and s.is_default));
    return null;
end $$;
create trigger scenario_step_agenda_insert after insert on scenario_step
    referencing new table as changed_steps for each statement execute function agenda_mark_scenario_steps();
create trigger scenario_step_agenda_delete after delete on scenario_step
    referencing old table as changed_steps for each statement execute function agenda_mark_scenario_steps();

-- Another default scenario, or another age for old items: every account of the tenant.
create function agenda_mark_tenant() returns trigger language plpgsql as $$
begin
    insert into agenda_change (tenant_id, customer_id)
    select tenant_id, id from customer where tenant_id = new.tenant_id;
    return null;
end $$;
create trigger scenario_agenda_default after update of is_default on scenario
    for each row when (new.is_default and not old.is_default) execute function agenda_mark_tenant();

create function agenda_mark_tenant_settings() returns trigger language plpgsql as $$
begin
    insert into agenda_change (tenant_id, customer_id)
    select tenant_id, id from customer where tenant_id = new.id;
    return null;
end $$;
create trigger tenant_agenda_old_items after update of old_items_days on tenant
    for each row when (old.old_items_days is distinct from new.old_items_days)
    execute function agenda_mark_tenant_settings();

-- The agenda of a user is the waiting actions assigned to that user, counted without a visibility check per
-- action (decision 0011): so the assignee of a waiting action must be someone who sees its account. Generation
-- gives it to the account's collector; reassigning checks the new assignee; and here, when a user is taken off an
-- account, their waiting actions on it pass to the account's (first) remaining collector, or to nobody; when an
-- account without a collector gets one, its unassigned waiting actions go to that collector.
create function agenda_follow_assignments() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        update collection_action a
        set assignee_id = (select ca.user_id from customer_assignment ca
                           where ca.customer_id = old.customer_id and ca.role = 'COLLECTOR'
                           order by ca.user_id limit 1),
            version = a.version + 1
        where a.customer_id = old.customer_id and a.assignee_id = old.user_id
          and a.state in ('PLANNED', 'TO_CONFIRM')
          -- administrators see every account: what was given to one stays theirs
          and not exists (select 1 from app_user u where u.id = old.user_id and u.role = 'ADMIN');
    elsif new.role = 'COLLECTOR' then
        update collection_action a set assignee_id = new.user_id, version = a.version + 1
        where a.customer_id = new.customer_id and a.assignee_id is null and a.state in ('PLANNED', 'TO_CONFIRM');
    end if;
    return null;
end $$;
create trigger customer_assignment_agenda after insert or delete on customer_assignment
    for each row execute function agenda_follow_assignments();

-- The agenda's counts read only this index (kind, account and scenario filters included).
drop index collection_action_agenda_idx;
create index collection_action_agenda_idx on collection_action (tenant_id, assignee_id, due_date)
    include (kind, customer_id, scenario_id) where state in ('PLANNED', 'TO_CONFIRM');

-- The day of the last whole-company run: the daily run is done once per company and day, by whichever instance
-- gets the company's lock first; the others wait for the lock (an incremental run may hold it) and then skip.
alter table tenant add column agenda_planned_on date;
