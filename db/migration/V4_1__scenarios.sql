-- Collection scenarios: the three standard scenarios every company starts with. "Standard" is the default
-- (the scenario of every customer without one of its own). All steps are manual: automatic sending is a choice
-- an administrator makes once the templates are written. Template codes name templates that come later.
create function create_standard_scenarios(tenant bigint) returns void language plpgsql as $$
declare
    standard_id  bigint;
    strategic_id bigint;
    export_id    bigint;
begin
    -- a company that already has scenarios (the function run twice) is left alone
    if exists (select 1 from scenario where tenant_id = tenant) then
        return;
    end if;
    insert into scenario (tenant_id, name, description, is_default, standard)
    values (tenant, 'Standard', 'Reminder before the due date, two reminders, a call, then a formal notice', true, true)
    returning id into standard_id;
    insert into scenario (tenant_id, name, description, standard)
    values (tenant, 'Strategic accounts', 'Calls before emails: the relationship first', true)
    returning id into strategic_id;
    insert into scenario (tenant_id, name, description, standard)
    values (tenant, 'Export', 'Longer delays for foreign customers (payment and mail take longer)', true)
    returning id into export_id;
    insert into scenario_step (tenant_id, scenario_id, position, offset_days, kind, template_code, label)
    values (tenant, standard_id, 0, -5, 'EMAIL', 'PRE_DUE_REMINDER', 'Friendly pre-due reminder'),
           (tenant, standard_id, 1, 5, 'EMAIL', 'FIRST_REMINDER', 'First reminder'),
           (tenant, standard_id, 2, 15, 'CALL', null, 'Call'),
           (tenant, standard_id, 3, 30, 'EMAIL', 'SECOND_REMINDER', 'Second reminder'),
           (tenant, standard_id, 4, 45, 'LETTER', 'FORMAL_NOTICE', 'Formal notice'),
           (tenant, strategic_id, 0, -3, 'CALL', null, 'Courtesy call before the due date'),
           (tenant, strategic_id, 1, 3, 'CALL', null, 'Call'),
           (tenant, strategic_id, 2, 10, 'EMAIL', 'FIRST_REMINDER', 'First reminder'),
           (tenant, strategic_id, 3, 20, 'CALL', null, 'Call'),
           (tenant, strategic_id, 4, 40, 'LETTER', 'FORMAL_NOTICE', 'Formal notice'),
           (tenant, export_id, 0, -10, 'EMAIL', 'PRE_DUE_REMINDER', 'Friendly pre-due reminder'),
           (tenant, export_id, 1, 10, 'EMAIL', 'FIRST_REMINDER', 'First reminder'),
           (tenant, export_id, 2, 25, 'EMAIL', 'SECOND_REMINDER', 'Second reminder'),
           (tenant, export_id, 3, 40, 'CALL', null, 'Call'),
           (tenant, export_id, 4, 60, 'LETTER', 'FORMAL_NOTICE', 'Formal notice');
end
$$;

-- A trigger of its own (fired after tenant_standard_statuses, triggers run in name order) rather than a new
-- version of tenant_created(): each capability seeds its own tables.
create function tenant_created_scenarios() returns trigger language plpgsql as $$
begin
    perform create_standard_scenarios(new.id);
    return new;
end
$$;
create trigger tenant_standard_scenarios after insert on tenant
    for each row execute function tenant_created_scenarios();
select create_standard_scenarios(id) from tenant;

-- "which customers follow this scenario" (delete, usage counts) is asked per tenant
drop index customer_scenario_idx;
create index customer_scenario_idx on customer (tenant_id, scenario_id) where scenario_id is not null;
