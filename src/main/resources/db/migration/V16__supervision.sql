-- Supervision (issue 15): contact leaders, guidance groups and their inspections, contact visits,
-- and rectification items (整改事项) as a third kind of tracked item on the one engine: a row of
-- `measure` with kind RECTIFICATION, so the scan, lights, overdue, rounds, the reminder ladder,
-- reports, postponements and the journal are the measures' own. Its kind-specific facts sit beside
-- it in `rectification`. Its API id is its number; its code is 'ZG' and the number (ZG17).

alter table measure drop constraint measure_kind_check;
alter table measure alter column kind type varchar(16);
alter table measure add constraint measure_kind_check check (kind in ('MEASURE', 'TASK', 'RECTIFICATION'));
alter table measure add constraint measure_rectification_code check ((kind = 'RECTIFICATION') = (code ~ '^ZG[0-9]+$'));

create sequence rectification_number_seq;

-- 领导联系: the leaders who follow a measure or a task (LEADER accounts)
create table contact_leader (
    item_id    bigint      not null references measure (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    created_at timestamptz not null,
    primary key (item_id, user_id)
);
create index contact_leader_user_idx on contact_leader (user_id);

-- 省级指导组: a group of LEADER and OFFICE accounts, assigned to regions and units
create table guidance_group (
    id         bigserial    primary key,
    name       varchar(100) not null unique,
    created_at timestamptz  not null
);
create table guidance_group_member (
    group_id bigint not null references guidance_group (id) on delete cascade,
    user_id  bigint not null references app_user (id),
    primary key (group_id, user_id)
);
create index guidance_group_member_user_idx on guidance_group_member (user_id);
create table guidance_group_region (
    group_id    bigint     not null references guidance_group (id) on delete cascade,
    region_code varchar(6) not null references region (code),
    primary key (group_id, region_code)
);
create table guidance_group_unit (
    group_id  bigint      not null references guidance_group (id) on delete cascade,
    unit_code varchar(32) not null references unit (code),
    primary key (group_id, unit_code)
);

-- an inspection by a group: a unit or a region, the measures it covered, what it found
create table inspection (
    id           bigserial   primary key,
    group_id     bigint      not null references guidance_group (id),
    inspected_on date        not null,
    unit_code    varchar(32) references unit (code),
    region_code  varchar(6)  not null references region (code),
    findings     text        not null,
    recorded_by  varchar(64) not null,
    created_at   timestamptz not null
);
create index inspection_group_idx on inspection (group_id);
create index inspection_unit_idx on inspection (unit_code);
create table inspection_item (
    inspection_id bigint not null references inspection (id) on delete cascade,
    item_id       bigint not null references measure (id),
    primary key (inspection_id, item_id)
);
create index inspection_item_item_idx on inspection_item (item_id);

-- 联系调研: a contact leader's visit to a measure's or task's work
create table contact_visit (
    id           bigserial    primary key,
    item_id      bigint       not null references measure (id),
    visited_on   date         not null,
    place        varchar(200) not null,
    participants text         not null,
    findings     text         not null,
    follow_ups   text[]       not null default '{}',
    recorded_by  varchar(64)  not null,
    created_at   timestamptz  not null
);
create index contact_visit_item_idx on contact_visit (item_id);

-- 整改事项: what a rectification item is about, beside its tracked row
create table rectification (
    item_id          bigint      primary key references measure (id),
    number           bigint      not null unique,
    concerns_id      bigint      not null references measure (id),
    inspection_id    bigint      references inspection (id),
    visit_id         bigint      references contact_visit (id),
    finding          text        not null,
    required_outcome text        not null,
    created_by       varchar(64) not null,
    created_at       timestamptz not null
);
create index rectification_concerns_idx on rectification (concerns_id);
create index rectification_inspection_idx on rectification (inspection_id) where inspection_id is not null;
