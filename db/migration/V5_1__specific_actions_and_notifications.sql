-- Specific actions and the sales manager (issue 6 §1, decision 0017): how an action ended, and per-user
-- notifications with their email preference.

-- How an action ended: RESOLVED (a dispute follow-up qualified "dispute resolved"), PAID / UNPAID (a promise
-- follow-up whose items were all closed / completed although some were still open), DONE (other kinds),
-- CANCELLED. The closing user, time and note (the completion note or the cancellation reason) stay in
-- completed_by / completed_at / completion_note.
alter table specific_action add column outcome text
    check (outcome in ('RESOLVED', 'PAID', 'UNPAID', 'DONE', 'CANCELLED'));
-- a user's open actions as resolver (the agenda) reads this index
create index specific_action_open_assignee_idx on specific_action (tenant_id, assignee_id, due_date)
    where state = 'OPEN';

-- One notification for one user. Written in the transaction of its cause by the trigger below, whoever causes it
-- (a qualification by a collector, the portal's validated customer dispute, an action created through the API).
-- params: what the texts need (status, item numbers, kind, due date), rendered in the reader's language.
-- mail_state: null while the mail job has not handled it; SENT (its own mail), DIGESTED (in a daily digest),
-- SKIPPED (the user wants no mail).
create table user_notification (
    id            bigserial primary key,
    tenant_id     bigint      not null,
    user_id       bigint      not null references app_user (id) on delete cascade,
    kind          text        not null check (kind in ('DISPUTE_RAISED', 'ACTION_ASSIGNED', 'COLLECTION_ACTION_ASSIGNED')),
    customer_id   bigint      not null,
    action_id     bigint      references specific_action (id) on delete set null,
    params        jsonb       not null default '{}'::jsonb,
    actor_name    text        not null,
    created_at    timestamptz not null default now(),
    read_at       timestamptz,
    mail_state    text        check (mail_state in ('SENT', 'DIGESTED', 'SKIPPED')),
    mailed_at     timestamptz,
    foreign key (tenant_id, customer_id) references customer (tenant_id, id) on delete cascade
);
-- the list (newest first) and the "new since" of the live bell
create index user_notification_user_idx on user_notification (tenant_id, user_id, id desc);
create index user_notification_unread_idx on user_notification (tenant_id, user_id) where read_at is null;
-- the mail job's claim
create index user_notification_mail_idx on user_notification (tenant_id, user_id, id) where mail_state is null;

-- A user's choice of email for their notifications; no row: IMMEDIATE.
create table notification_setting (
    user_id   bigint primary key references app_user (id) on delete cascade,
    tenant_id bigint not null references tenant (id),
    email     text   not null check (email in ('IMMEDIATE', 'DAILY_DIGEST', 'NONE')),
    version   bigint not null default 0
);

-- The day each user's digest was last sent: one digest per user and day, whichever instance gets there first.
create table notification_digest (
    user_id   bigint primary key references app_user (id) on delete cascade,
    sent_on   date   not null
);

-- Statement-level, from the events of the statement: a qualification writes one event, an import none of these.
create function user_notifications_from_events() returns trigger language plpgsql as $$
begin
    -- a new dispute on an account: every enabled sales manager assigned to it, except the one who qualified
    insert into user_notification (tenant_id, user_id, kind, customer_id, params, actor_name)
    select e.tenant_id, ca.user_id, 'DISPUTE_RAISED', e.customer_id,
           jsonb_build_object('status', e.payload -> 'status', 'comment', e.payload ->> 'comment',
                              'items', coalesce((select jsonb_agg(i ->> 'number') from jsonb_array_elements(e.payload -> 'items') i),
                                                '[]'::jsonb)),
           e.actor_name
    from new_events e
    join customer_assignment ca on ca.customer_id = e.customer_id and ca.tenant_id = e.tenant_id
         and ca.role = 'SALES_MANAGER'
    join app_user u on u.id = ca.user_id and u.tenant_id = e.tenant_id and u.enabled
    where e.type = 'ITEMS_QUALIFIED' and e.payload -> 'status' ->> 'category' = 'DISPUTE'
      and ca.user_id is distinct from e.actor_id;

    -- a specific action created in the same transaction as a dispute (qualification step 3): the dispute's
    -- notifications of that account link to it, so their mail opens the action
    update user_notification n set action_id = (e.payload ->> 'actionId')::bigint
    from new_events e
    where e.type = 'ACTION_CREATED' and n.kind = 'DISPUTE_RAISED' and n.action_id is null
      and n.tenant_id = e.tenant_id and n.customer_id = e.customer_id and n.created_at = now();

    -- a specific action given to someone else (created, or its resolver changed), or a collection action
    -- reassigned to someone else; not twice to a sales manager already told of the dispute it follows
    insert into user_notification (tenant_id, user_id, kind, customer_id, action_id, params, actor_name)
    select e.tenant_id, u.id,
           case when e.type = 'ACTION_REASSIGNED' and not (e.payload ? 'specificActionId')
                then 'COLLECTION_ACTION_ASSIGNED' else 'ACTION_ASSIGNED' end,
           e.customer_id,
           case when e.type = 'ACTION_CREATED' then (e.payload ->> 'actionId')::bigint
                else (e.payload ->> 'specificActionId')::bigint end,
           jsonb_build_object('kind', e.payload ->> 'kind', 'dueDate', e.payload ->> 'dueDate',
                              'note', e.payload ->> 'note', 'items', coalesce(
                                  (select jsonb_agg(i ->> 'number') from jsonb_array_elements(
                                      case when jsonb_typeof(e.payload -> 'items') = 'array' then e.payload -> 'items'
                                           else '[]'::jsonb end) i), '[]'::jsonb)),
           e.actor_name
    from new_events e
    join app_user u on u.tenant_id = e.tenant_id and u.enabled
         and lower(u.login) = lower(case when e.type = 'ACTION_CREATED' then e.payload ->> 'assignee'
                                         else e.payload ->> 'to' end)
    where e.type in ('ACTION_CREATED', 'ACTION_REASSIGNED')
      and u.id is distinct from e.actor_id
      and not exists (select 1 from user_notification d
                      where d.tenant_id = e.tenant_id and d.user_id = u.id and d.customer_id = e.customer_id
                        and d.kind = 'DISPUTE_RAISED' and d.created_at = now());
    return null;
end $$;
create trigger event_user_notifications after insert on event
    referencing new table as new_events for each statement execute function user_notifications_from_events();
