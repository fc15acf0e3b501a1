-- The security audit trail (等保 security audit): who did what, from where, with what result.
-- Append-only whoever connects (a trigger refuses UPDATE and DELETE), and tamper-evident: each row
-- carries the SHA-256 of its content and of the previous row's hash. Rows are numbered and chained
-- under a transaction-level advisory lock, so the chain follows commit order.
create sequence audit_event_seq;

create table audit_event (
    id        bigint      primary key,
    at        timestamptz not null,
    actor     varchar(64) not null,
    role      varchar(16),
    client_ip varchar(64),
    action    varchar(32) not null,
    target    text        not null,
    result    varchar(16) not null,
    detail    text,
    prev_hash char(64)    not null,
    hash      char(64)    not null
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_actor_idx on audit_event (actor, id desc);

create function duban_audit_hash(p_prev text, p_id bigint, p_at timestamptz, p_actor text, p_role text, p_ip text,
                                 p_action text, p_target text, p_result text, p_detail text)
    returns text language sql immutable as $$
    select encode(sha256(convert_to(concat_ws(chr(31), p_prev, p_id::text,
                  to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor, coalesce(p_role, ''),
                  coalesce(p_ip, ''), p_action, p_target, p_result, coalesce(p_detail, '')), 'UTF8')), 'hex')
$$;

create function audit_event_chain() returns trigger language plpgsql as $$
declare
    last_hash text;
begin
    perform pg_advisory_xact_lock(4242001);
    new.id := nextval('audit_event_seq');
    select hash into last_hash from audit_event order by id desc limit 1;
    new.prev_hash := coalesce(last_hash, repeat('0', 64));
    new.hash := duban_audit_hash(new.prev_hash, new.id, new.at, new.actor, new.role, new.client_ip,
                                 new.action, new.target, new.result, new.detail);
    return new;
end
$$;
create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain();

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end
$$;
create trigger audit_event_append_only before update or delete or truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- Every change a person makes is in the journal (field, old and new value); the same transaction
-- copies it into the audit trail. The scan's own flag changes are audited as one event per scan.
create function journal_to_audit() returns trigger language plpgsql as $$
begin
    insert into audit_event (at, actor, role, client_ip, action, target, result, detail)
    values (new.occurred_at, new.actor, null, new.client_ip, 'WRITE', new.entity || ':' || new.entity_key || ' ' || new.action,
            'OK', case when new.field is null then null
                       else json_build_object('field', new.field, 'old', new.old_value, 'new', new.new_value)::text end);
    return null;
end
$$;
create trigger journal_to_audit after insert on journal_entry for each row
    when (new.actor not like 'system:%') execute function journal_to_audit();

create function scan_to_audit() returns trigger language plpgsql as $$
begin
    insert into audit_event (at, actor, role, client_ip, action, target, result, detail)
    values (coalesce(new.finished_at, new.started_at), 'system:scan', null, null, 'SCAN', 'scan ' || new.trigger,
            new.outcome, json_build_object('asOf', new.as_of, 'flagsChanged', new.flags_changed,
                                           'roundsClosed', new.rounds_closed, 'noticesCreated', new.notices_created)::text);
    return null;
end
$$;
create trigger scan_to_audit after insert on scan_run for each row execute function scan_to_audit();
