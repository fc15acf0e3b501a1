-- The dashboard counts every measure and task by light after each change (issue 14, point 9): with
-- the light rule's inputs in the index, the counts by area, region and light read the index alone,
-- not the wide measure rows (10^5 tasks: docs/performance.md, "The province by region").
create index measure_rule_inputs_idx on measure (kind, region_code)
    include (area, status, progress, start_date, current_deadline, claimed_done_on, reporting_missed);
