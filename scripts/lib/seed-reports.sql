-- Accepted reports for every second synthetic measure and a co-unit for every third, so that the
-- dashboard, the overdue report and the ledger read what they read in real use. Run after
-- seed-measures.sql; idempotent.
insert into measure_co_unit (measure_id, unit_code)
select m.id, (array['zfw', 'fy', 'jcy', 'gat', 'sft'])[1 + (substr(m.code, 2)::int + 1) % 5]
from measure m
where m.code ~ '^P[0-9]{7}$' and substr(m.code, 2)::int % 3 = 0
on conflict do nothing;

insert into progress_report (measure_id, unit_code, submitted_by, submitted_at, progress, public_summary, state, reviewed_by, reviewed_at)
select m.id, m.lead_unit_code, 'bench', timestamptz '2021-11-01 10:00+08' + (m.id % 60) * interval '1 day', m.progress,
       '合成进展 ' || m.code, 'ACCEPTED', 'office', timestamptz '2021-11-01 10:00+08' + (m.id % 60) * interval '1 day'
from measure m
where m.code ~ '^P[0-9]{7}$' and substr(m.code, 2)::int % 2 = 0
  and not exists (select 1 from progress_report r where r.measure_id = m.id);

-- 90 days of daily snapshots for the trend
insert into scan_snapshot (day, area, light, count)
select d::date, a, l, 1000 + (extract(doy from d)::int * 7 + length(a) * 13 + length(l) * 31) % 2000
from generate_series(date '2021-10-12', date '2022-01-09', interval '1 day') d,
     unnest(array['BUSINESS', 'STABILITY', 'JUSTICE']) a,
     unnest(array['RED', 'YELLOW', 'GREEN', 'CLOSED']) l
on conflict do nothing;
analyze;
