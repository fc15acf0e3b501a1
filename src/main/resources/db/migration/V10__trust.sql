-- Trust (issue 11): the security administrator, sessions that really end, API tokens, a second
-- factor, and an audit trail anchored outside the database.

-- The security administrator (三员分立: ADMIN, SECURITY, AUDITOR cannot act for each other).
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('ADMIN', 'SECURITY', 'OFFICE', 'LEADER', 'REPORTER', 'AUDITOR'));

-- Every session (and, for the account's own sake, every cookie) created before this instant is
-- refused: set by logout, a password change or reset, and an administrative lock. Replaces V9's
-- logged_out_at, which the next form login cleared (bringing every old cookie back to life).
alter table app_user add column sessions_valid_after timestamptz;
update app_user set sessions_valid_after = logged_out_at;
alter table app_user drop column logged_out_at;
-- An administrative lock by the security administrator: no sign-in, no session, no token while set.
alter table app_user add column disabled_at timestamptz;
alter table app_user add column disabled_by varchar(64);
alter table app_user add column disabled_reason text;
-- The second factor (TOTP, RFC 6238): the shared secret (Base32) once enrolled, and the last time
-- step used, so that a code is accepted once.
alter table app_user add column totp_secret varchar(64);
alter table app_user add column totp_pending_secret varchar(64);
alter table app_user add column totp_enrolled_at timestamptz;
alter table app_user add column totp_last_step bigint;
-- Accounts made by demo mode: exempt from the administrators' second factor, in demo mode only.
alter table app_user add column demo boolean not null default false;

-- Page sessions, on the server: the cookie holds a random value, the database its SHA-256. Ending
-- a session is a row update, so a copied cookie dies with it on every replica.
create table user_session (
    id_hash      char(64)    primary key,
    username     varchar(64) not null references app_user (username),
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    two_factor   boolean     not null,
    client_ip    varchar(64),
    ended_at     timestamptz
);
create index user_session_user_idx on user_session (username) where ended_at is null;

-- Personal API tokens (duban_...): shown once, stored as SHA-256; they act as their owner.
create table api_token (
    id           bigserial    primary key,
    username     varchar(64)  not null references app_user (username),
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    hint         varchar(16)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    two_factor   boolean      not null
);
create index api_token_user_idx on api_token (username, id desc);

-- The journal refuses TRUNCATE as the audit trail does (UPDATE and DELETE: V1).
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function journal_entry_is_append_only();

-- Keyed checkpoints of the audit chain's head. The key (TRACKER_AUDIT_KEY) is never stored here:
-- whoever owns the database can rewrite rows and recompute every SHA-256 after them, but cannot
-- recompute a checkpoint's MAC. Each checkpoint also covers the previous one's MAC.
create table audit_checkpoint (
    id            bigserial   primary key,
    at            timestamptz not null,
    last_event_id bigint      not null,
    head_hash     char(64)    not null,
    prev_mac      char(64)    not null,
    key_id        char(16)    not null,
    mac           char(64)    not null
);
create index audit_checkpoint_at_idx on audit_checkpoint (at desc);

create function audit_checkpoint_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only';
end
$$;
create trigger audit_checkpoint_append_only before update or delete or truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_is_append_only();

-- The demo accounts made before this migration (only demo mode makes these names, by bootstrap).
update app_user u set demo = true
 where (u.username in ('office', 'leader', 'auditor') or u.username like 'reporter-%')
   and exists (select 1 from journal_entry j where j.entity = 'USER' and j.entity_key = u.username
                                              and j.action = 'CREATE' and j.actor = 'system:bootstrap');
