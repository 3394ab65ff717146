-- The tenant-wide event stream in commit order.
--
-- event.id comes from a sequence when the row is inserted, not when its transaction commits: an import that
-- appends events early and commits seconds later leaves smaller ids appearing after larger ones. A reader
-- resuming "after id N" would skip them for ever. So every transaction that writes events gets a position
-- in its tenant's commit order (event_commit.pos), taken at commit time under a per-tenant lock that is held
-- until the commit is visible: a reader that sees position P sees every position before it. The tenant stream
-- reads in (pos, id) order; per-account streams keep using the gap-free seq.

alter table event add column xid xid8 not null default pg_current_xact_id();
create index event_xid_idx on event (xid, id);

create table event_commit (
    pos        bigserial primary key,
    tenant_id  bigint not null,
    xid        xid8   not null,
    unique (xid, tenant_id)
);
create index event_commit_tenant_idx on event_commit (tenant_id, pos);

-- Events written before this migration carry this migration's transaction id: one group, in id order.
insert into event_commit (tenant_id, xid) select distinct tenant_id, xid from event order by tenant_id;

-- Runs at commit (deferred), once per transaction and tenant. The advisory lock (class 0x0E57, key the tenant)
-- is released only after the commit is visible, so positions are handed out in the order commits become
-- visible. Commits that NOTIFY are serialised by PostgreSQL anyway; this adds no further wait in practice.
create function event_commit_position() returns trigger language plpgsql as $$
begin
    if current_setting('opendso.event_commit_' || new.tenant_id, true) is distinct from '1' then
        perform pg_advisory_xact_lock(3671, (new.tenant_id % 2147483647)::int);
        insert into event_commit (tenant_id, xid) values (new.tenant_id, pg_current_xact_id())
            on conflict do nothing;
        perform set_config('opendso.event_commit_' || new.tenant_id, '1', true);
    end if;
    return null;
end
$$;

create constraint trigger event_commit_position after insert on event
    deferrable initially deferred for each row execute function event_commit_position();
