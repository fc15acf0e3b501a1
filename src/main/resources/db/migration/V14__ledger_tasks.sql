-- The tasks ledger as it stood when a round closed (GET /api/v1/ledger.xlsx?round=2021-06, sheet
-- 任务台账), kept beside ledger_snapshot by the same scan, from duban_ledger_tasks (R__rules.sql).
create table ledger_task_snapshot (
    round_id           bigint      not null references dispatch_round (id),
    region_code        varchar(6)  not null,
    region_name        text        not null,
    measure_code       varchar(24) not null,
    code               varchar(24) not null,
    title              text        not null,
    unit               text        not null,
    committed_deadline date        not null,
    deadline           date        not null,
    progress           int         not null,
    status             varchar(16) not null,
    light              varchar(8)  not null,
    last_report_at     timestamptz,
    primary key (round_id, code)
);
create index ledger_task_snapshot_region_idx on ledger_task_snapshot (round_id, region_code);
