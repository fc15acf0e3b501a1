-- The overdue engine: stored flags (computed by the scan, never typed in), dispatch rounds and
-- their results, the notice outbox, the scan history and daily snapshots.

alter table measure
    add column overdue          boolean     not null default false,
    add column light            varchar(8)  not null default 'GREEN' check (light in ('GREEN', 'YELLOW', 'RED', 'CLOSED')),
    add column reporting_missed boolean     not null default false,
    add column flags_as_of      date;
create index measure_light_idx on measure (light);
create index measure_overdue_idx on measure (current_deadline) where overdue;

-- The rule, once, in SQL: the scan and the list filters use it; LightRule is its Java twin and a
-- test holds the two to the same answers.
create function duban_overdue(p_status text, p_deadline date, p_claimed date, p_today date)
    returns boolean language sql immutable parallel safe as $$
    select p_status <> 'VERIFIED' and p_today > p_deadline and (p_claimed is null or p_claimed > p_deadline)
$$;

create function duban_light(p_status text, p_progress int, p_start date, p_deadline date, p_claimed date,
                            p_missed boolean, p_today date, p_near int, p_lag int)
    returns text language sql immutable parallel safe as $$
    select case
        when p_status = 'VERIFIED' then 'CLOSED'
        when duban_overdue(p_status, p_deadline, p_claimed, p_today) then 'RED'
        when p_status = 'CLAIMED_DONE' then 'GREEN'
        when p_deadline - p_today <= p_near then 'YELLOW'
        when p_deadline > p_start
             and least(greatest((p_today - p_start)::numeric / (p_deadline - p_start), 0), 1) * 100 - p_progress > p_lag
            then 'YELLOW'
        when p_missed then 'YELLOW'
        else 'GREEN'
    end
$$;

-- A dispatch round (调度): one reporting window, monthly by default.
create table dispatch_round (
    id        bigserial   primary key,
    code      varchar(16) not null unique,
    opens_on  date        not null,
    closes_on date        not null,
    closed_at timestamptz,
    check (closes_on >= opens_on)
);

-- Whether the lead unit of each active measure reported within a closed round.
create table round_result (
    round_id       bigint      not null references dispatch_round (id),
    measure_id     bigint      not null references measure (id),
    lead_unit_code varchar(32) not null,
    reported       boolean     not null,
    primary key (round_id, measure_id)
);

-- The notice outbox (催办): at most one notice per measure, level and occasion.
create table notice (
    id              bigserial    primary key,
    measure_id      bigint       not null references measure (id),
    level           varchar(16)  not null check (level in ('REMINDER', 'URGING', 'BULLETIN')),
    occasion        varchar(48)  not null,
    recipient       varchar(254),
    subject         text         not null,
    body            text         not null,
    state           varchar(16)  not null check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'NO_RECIPIENT')),
    channel         varchar(8)   check (channel in ('SMTP', 'LOG')),
    attempts        int          not null default 0,
    last_error      text,
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    sent_at         timestamptz,
    unique (measure_id, level, occasion)
);
create index notice_due_idx on notice (next_attempt_at) where state = 'PENDING';

create table scan_run (
    id              bigserial   primary key,
    trigger         varchar(16) not null,
    instance        varchar(64),
    as_of           date        not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    duration_ms     bigint,
    outcome         varchar(16) not null check (outcome in ('RUNNING', 'OK', 'FAILED', 'ABORTED')),
    flags_changed   int         not null default 0,
    rounds_closed   int         not null default 0,
    notices_created int         not null default 0,
    error           text
);
create index scan_run_started_idx on scan_run (started_at desc);

-- Counts by area and light as each day's scan left them: the dashboard's trend.
create table scan_snapshot (
    day   date        not null,
    area  varchar(16) not null,
    light varchar(8)  not null,
    count int         not null,
    primary key (day, area, light)
);
