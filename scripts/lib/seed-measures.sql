-- Synthetic measures for scale tests: psql -v n=100000 -f seed-measures.sql
-- Codes P0000001...; five units; deadlines spread over 2021-06 .. 2023-01; a mix of statuses and
-- progress, so that overdue, near-deadline, lagging and closed measures all occur.
insert into measure (code, area, title, summary, lead_unit_code, start_date, committed_deadline,
                     current_deadline, status, progress, claimed_done_on, created_at, updated_at)
select 'P' || lpad(g::text, 7, '0'),
       (array['BUSINESS', 'STABILITY', 'JUSTICE'])[1 + g % 3],
       '合成事项 ' || g,
       '用于规模测试的合成事项',
       (array['zfw', 'fy', 'jcy', 'gat', 'sft'])[1 + g % 5],
       date '2021-05-14',
       date '2021-06-01' + (g % 600),
       date '2021-06-01' + (g % 600),
       (array['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'CLAIMED_DONE', 'VERIFIED', 'SUSPENDED'])[1 + g % 7],
       g % 101,
       case when g % 7 = 4 then date '2021-06-01' + (g % 600) - (g % 3) + 1 end,
       now(), now()
from generate_series(1, :n) as g
on conflict (code) do nothing;
analyze measure;
