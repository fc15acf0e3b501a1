-- The whole province (issue 14): regions by GB/T 2260 code, units and accounts in regions, a unit's
-- line (its parent unit), and local tasks (分解任务) as tracked items beside the measures.
--
-- One table for everything with a deadline: a task is a row of `measure` with kind 'TASK', its
-- parent (the measure, or the task of the enclosing region) and its root (the measure). The scan,
-- the light rule, rounds, the reminder ladder, notices, reports, postponements and the journal
-- work on the table, so they work on tasks without a second engine (docs/architecture.md).

create table region (
    code        varchar(6)   primary key check (code ~ '^[1-9][0-9]{5}$'),
    name        varchar(100) not null check (length(btrim(name)) > 0),
    parent_code varchar(6)   references region (code),
    -- the codes from the top down, '/'-separated: '370000/370100/370102'; a region contains another
    -- when the other's path starts with its own
    path        varchar(200) not null unique,
    level       smallint     not null check (level between 1 and 3),
    created_at  timestamptz  not null default now(),
    constraint region_top_has_no_parent check ((parent_code is null) = (level = 1)),
    constraint region_not_own_parent check (parent_code is distinct from code)
);
create index region_parent_idx on region (parent_code);
create index region_path_idx on region (path varchar_pattern_ops);

insert into region (code, name, parent_code, path, level) values
    ('370000', '山东省', null, '370000', 1);
insert into region (code, name, parent_code, path, level)
select c.code, c.name, '370000', '370000/' || c.code, 2
  from (values ('370100', '济南市'), ('370200', '青岛市'), ('370300', '淄博市'), ('370400', '枣庄市'),
               ('370500', '东营市'), ('370600', '烟台市'), ('370700', '潍坊市'), ('370800', '济宁市'),
               ('370900', '泰安市'), ('371000', '威海市'), ('371100', '日照市'), ('371300', '临沂市'),
               ('371400', '德州市'), ('371500', '聊城市'), ('371600', '滨州市'), ('371700', '菏泽市')) as c(code, name);

-- every unit sits in a region (the provincial units in the province) and may name its line's parent
alter table unit
    add column region_code varchar(6) not null default '370000' references region (code),
    add column parent_code varchar(32) references unit (code),
    add constraint unit_not_own_parent check (parent_code is distinct from code);
create index unit_region_idx on unit (region_code);
create index unit_parent_idx on unit (parent_code) where parent_code is not null;

-- OFFICE, LEADER and REPORTER accounts may carry a region: they see and act on it and below
alter table app_user
    add column region_code varchar(6) references region (code),
    add constraint app_user_region_roles check (region_code is null or role in ('OFFICE', 'LEADER', 'REPORTER'));

-- a task's code is its measure's code, a dash and the region's code
alter table measure drop constraint measure_code_check;
alter table measure alter column code type varchar(24);
alter table measure add constraint measure_code_check check (code ~ '^[A-Z][A-Z0-9-]{1,15}(-[0-9]{6})?$');

alter table measure
    add column kind        varchar(8) not null default 'MEASURE' check (kind in ('MEASURE', 'TASK')),
    add column parent_id   bigint references measure (id),
    add column root_id     bigint references measure (id),
    add column region_code varchar(6) not null default '370000' references region (code),
    add column sample      boolean    not null default false,
    add constraint measure_task_has_parent check ((kind = 'TASK') = (parent_id is not null) and (kind = 'TASK') = (root_id is not null)),
    -- a task's code is {measure}-{region}: the shape alone tells the two apart
    add constraint measure_task_code check ((kind = 'TASK') = (code ~ '-[0-9]{6}$'));
create index measure_parent_idx on measure (parent_id) where parent_id is not null;
create unique index measure_task_once_per_region on measure (root_id, region_code) where kind = 'TASK';
create index measure_region_idx on measure (region_code, code);
create index measure_measures_idx on measure (code) where kind = 'MEASURE';

-- how a target's actual rolls up from the tasks below it
alter table target
    add column aggregation varchar(8) not null default 'SUM' check (aggregation in ('SUM', 'MEAN', 'MAX', 'MIN', 'COVERAGE'));
