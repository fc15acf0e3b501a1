-- The ledger (台账): one line per measure, computed by one function so that the live export and
-- the snapshot kept when a dispatch round closes can never disagree.
create function duban_ledger(p_today date, p_near int, p_lag int)
    returns table (area text, code text, title text, lead_unit text, co_units text, committed_deadline date,
                   deadline date, progress_text text, progress int, status text, light text, last_report_at timestamptz)
    language sql stable as $$
    select m.area::text, m.code::text, m.title::text, u.name::text,
           (select string_agg(cu.name, '、' order by cu.code) from measure_co_unit mc
              join unit cu on cu.code = mc.unit_code where mc.measure_id = m.id),
           m.committed_deadline, m.current_deadline,
           (select r.public_summary from progress_report r
             where r.measure_id = m.id and r.state = 'ACCEPTED' order by r.submitted_at desc limit 1),
           m.progress, m.status::text,
           duban_light(m.status, m.progress, m.start_date, m.current_deadline, m.claimed_done_on,
                       m.reporting_missed, p_today, p_near, p_lag),
           (select max(r.submitted_at) from progress_report r where r.measure_id = m.id)
      from measure m join unit u on u.code = m.lead_unit_code
$$;

-- The ledger as it stood when a round closed (GET /api/v1/ledger.xlsx?round=2021-06). Kept only
-- for rounds closed on time (not for old rounds closed in a catch-up after downtime, whose state
-- at the time is not known).
create table ledger_snapshot (
    round_id           bigint      not null references dispatch_round (id),
    area               varchar(16) not null,
    code               varchar(16) not null,
    title              text        not null,
    lead_unit          text        not null,
    co_units           text,
    committed_deadline date        not null,
    deadline           date        not null,
    progress_text      text,
    progress           int         not null,
    status             varchar(16) not null,
    light              varchar(8)  not null,
    last_report_at     timestamptz,
    primary key (round_id, code)
);

alter table dispatch_round add column ledger_rows int;
comment on column dispatch_round.ledger_rows is 'lines kept in ledger_snapshot when the round closed; null when none was kept';
