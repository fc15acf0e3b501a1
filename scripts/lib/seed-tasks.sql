-- Synthetic local tasks for scale tests (issue 14): one task per synthetic measure (P...) and city,
-- so psql -v n=6250 -f seed-measures.sql then this file gives 6,250 x 16 = 100,000 tasks. Deadlines
-- shifted by city, progress and status varied, so every light and overdue occur in every city.
insert into measure (code, area, title, summary, lead_unit_code, start_date, committed_deadline,
                     current_deadline, status, progress, claimed_done_on, created_at, updated_at,
                     kind, parent_id, root_id, region_code)
select m.code || '-' || c.code, m.area, m.title || ' ' || c.name, m.summary, m.lead_unit_code, m.start_date,
       m.committed_deadline - c.ord, m.current_deadline - c.ord,
       (array['NOT_STARTED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'CLAIMED_DONE', 'VERIFIED', 'SUSPENDED'])[1 + (m.id + c.ord) % 7],
       (m.progress + c.ord * 7) % 101,
       case when (m.id + c.ord) % 7 = 4 then m.current_deadline - c.ord end,
       now(), now(), 'TASK', m.id, m.id, c.code
  from measure m
 cross join (select code, name, row_number() over (order by code)::int as ord from region where level = 2) c
 where m.kind = 'MEASURE' and m.code like 'P%'
on conflict (code) do nothing;
analyze measure;
