-- Duban core schema: units, accounts, measures with milestones and targets, progress reports,
-- postponements, the public timeline and the journal. Never edit once released: add V2, V3...

create table unit (
    code        varchar(32)  primary key check (code ~ '^[A-Za-z][A-Za-z0-9_-]{0,31}$'),
    name        varchar(200) not null,
    email       varchar(254),
    created_at  timestamptz  not null
);

create table app_user (
    id            bigserial    primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('ADMIN', 'OFFICE', 'LEADER', 'REPORTER', 'AUDITOR')),
    unit_code     varchar(32)  references unit (code),
    created_at    timestamptz  not null,
    constraint reporter_has_unit check ((role = 'REPORTER') = (unit_code is not null))
);

create table measure (
    id                 bigserial    primary key,
    code               varchar(16)  not null unique check (code ~ '^[A-Z][A-Z0-9-]{1,15}$'),
    area               varchar(16)  not null check (area in ('BUSINESS', 'STABILITY', 'JUSTICE')),
    title              varchar(300) not null,
    summary            text,
    source_quote       text,
    lead_unit_code     varchar(32)  not null references unit (code),
    lead_unit_inferred boolean      not null default false,
    assumptions        text[]       not null default '{}',
    start_date         date         not null,
    committed_deadline date         not null,
    current_deadline   date         not null,
    status             varchar(16)  not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'CLAIMED_DONE', 'VERIFIED', 'SUSPENDED')),
    status_reason      text,
    progress           int     not null default 0 check (progress between 0 and 100),
    claimed_done_on    date,
    verified_at        timestamptz,
    verified_by        varchar(64),
    notes              text,
    version            bigint       not null default 0,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    constraint deadlines_after_start check (committed_deadline >= start_date and current_deadline >= start_date)
);
create index measure_area_idx on measure (area);
create index measure_lead_unit_idx on measure (lead_unit_code);
create index measure_deadline_idx on measure (current_deadline);

create table measure_co_unit (
    measure_id bigint      not null references measure (id) on delete cascade,
    unit_code  varchar(32) not null references unit (code),
    primary key (measure_id, unit_code)
);
create index measure_co_unit_unit_idx on measure_co_unit (unit_code);

create table milestone (
    id         bigserial    primary key,
    measure_id bigint       not null references measure (id) on delete cascade,
    position   int          not null,
    title      varchar(500) not null,
    due_date   date,
    done_on    date,
    assumption text,
    unique (measure_id, position)
);

create table target (
    id           bigserial    primary key,
    measure_id   bigint       not null references measure (id) on delete cascade,
    position     int          not null,
    description  varchar(500) not null,
    target_value numeric(18, 2),
    unit_label   varchar(32),
    due_date     date,
    actual_value numeric(18, 2),
    assumption   text,
    unique (measure_id, position)
);

create table progress_report (
    id             bigserial    primary key,
    measure_id     bigint       not null references measure (id),
    unit_code      varchar(32)  not null references unit (code),
    submitted_by   varchar(64)  not null,
    submitted_at   timestamptz  not null,
    progress       int     not null check (progress between 0 and 100),
    narrative      text,
    public_summary text         not null,
    evidence       text[]       not null default '{}',
    state          varchar(16)  not null check (state in ('PENDING', 'ACCEPTED', 'RETURNED')),
    reviewed_by    varchar(64),
    reviewed_at    timestamptz,
    return_reason  text,
    version        bigint       not null default 0
);
create index progress_report_measure_idx on progress_report (measure_id, submitted_at desc);
create index progress_report_pending_idx on progress_report (state) where state = 'PENDING';

create table postponement (
    id           bigserial   primary key,
    measure_id   bigint      not null references measure (id),
    old_deadline date        not null,
    new_deadline date        not null,
    reason       text        not null,
    approved_by  varchar(64) not null,
    approved_at  timestamptz not null
);
create index postponement_measure_idx on postponement (measure_id);

-- What the public sees happen to a measure: accepted progress, postponements, claims, verification.
create table public_event (
    id           bigserial   primary key,
    measure_id   bigint      not null references measure (id),
    kind         varchar(16) not null check (kind in ('PROGRESS', 'POSTPONED', 'CLAIMED_DONE', 'VERIFIED', 'REOPENED', 'SUSPENDED', 'RESUMED')),
    occurred_at  timestamptz not null,
    progress     int,
    summary      text,
    old_deadline date,
    new_deadline date
);
create index public_event_measure_idx on public_event (measure_id, occurred_at desc);
create index public_event_time_idx on public_event (occurred_at desc);

-- Every change: who, when, what (old and new value), from where. Append-only.
create table journal_entry (
    id          bigserial   primary key,
    measure_id  bigint      references measure (id),
    entity      varchar(32) not null,
    entity_key  varchar(64) not null,
    action      varchar(32) not null,
    field       varchar(64),
    old_value   text,
    new_value   text,
    actor       varchar(64) not null,
    client_ip   varchar(64),
    occurred_at timestamptz not null
);
create index journal_entry_measure_idx on journal_entry (measure_id, id desc);

create function journal_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'journal_entry is append-only';
end;
$$;
create trigger journal_entry_append_only
    before update or delete on journal_entry
    for each row execute function journal_entry_is_append_only();
