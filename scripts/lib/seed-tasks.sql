-- Synthetic local tasks for scale tests: psql -v n=160000 -f seed-tasks.sql (after seed-measures.sql)
-- The first ceil(n/16) synthetic measures (P...) are each broken down into the 16 cities, each task
-- carried by a synthetic city unit c<region> and due up to 16 days before its measure, with a mix
-- of statuses and progress like the measures', so that overdue, near-deadline, lagging and closed
-- tasks all occur. Parents' roll-ups are not recomputed (the scan does not need them).
insert into unit (code, name, region_code, parent_code, created_at)
select 'c' || r.code, r.name || '合成单位', r.code, null, now() from region r where r.level = 2
on conflict (code) do nothing;

insert into measure (code, kind, parent_id, root_id, region_code, area, title, summary, lead_unit_code, start_date,
                     committed_deadline, current_deadline, status, progress, claimed_done_on, created_at, updated_at)
select m.code || '-' || r.code, 'TASK', m.id, m.id, r.code, m.area, m.title || '（' || r.name || '）', null, 'c' || r.code,
       m.start_date,
       m.current_deadline - ((m.id + r.ord) % 17)::int,
       m.current_deadline - ((m.id + r.ord) % 17)::int,
       (array['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'CLAIMED_DONE', 'VERIFIED', 'SUSPENDED'])[1 + (m.id + r.ord) % 7],
       (m.id * 7 + r.ord * 13) % 101,
       case when (m.id + r.ord) % 7 = 4 then m.current_deadline - ((m.id + r.ord) % 17)::int - ((m.id + r.ord) % 3)::int + 1 end,
       now(), now()
from (select id, code, area, title, start_date, current_deadline from measure
       where kind = 'MEASURE' and code like 'P%' order by code limit ceil(:n / 16.0)) m
cross join (select code, name, row_number() over (order by code) as ord from region where level = 2) r
on conflict (code) do nothing;
analyze measure;
