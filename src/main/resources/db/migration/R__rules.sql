-- The rules of what is tracked, each once, in SQL. A repeatable migration: Flyway applies this file
-- again whenever it changes, after the versioned ones, so a change of a rule is one diff here. The
-- rules first came with V2 (overdue, light) and V3 (ledger); those versions stay as history.
-- Java twin: org.duban.measure.LightRule (overdue and light), held to the same answers by
-- LightRuleSqlAgreementTest. Callers: the scan's stored flags, the list filters (overdue=, light=),
-- the dashboard's and the public summary's tallies, the ledger and the snapshots of closed rounds.

-- Overdue: not verified, the deadline has passed, and it was not claimed done by the deadline.
create or replace function duban_overdue(p_status text, p_deadline date, p_claimed date, p_today date)
    returns boolean language sql immutable parallel safe as $$
    select p_status <> 'VERIFIED' and p_today > p_deadline and (p_claimed is null or p_claimed > p_deadline)
$$;

-- The light: CLOSED when verified; RED when overdue; GREEN when claimed done (awaiting
-- verification); YELLOW within p_near days of the deadline, lagging the time elapsed by more than
-- p_lag points, or after a missed report; GREEN otherwise.
create or replace function duban_light(p_status text, p_progress int, p_start date, p_deadline date, p_claimed date,
                            p_missed boolean, p_today date, p_near int, p_lag int)
    returns text language sql immutable parallel safe as $$
    select case
        when p_status = 'VERIFIED' then 'CLOSED'
        when duban_overdue(p_status, p_deadline, p_claimed, p_today) then 'RED'
        when p_status = 'CLAIMED_DONE' then 'GREEN'
        when p_deadline - p_today <= p_near then 'YELLOW'
        -- the elapsed share of the window, clamped to [0, 1], times 100, minus progress exceeds p_lag:
        -- multiplied out by the window's length (> 0), so in integers, exactly and without numeric division
        when p_deadline > p_start
             and 100 * least(greatest(p_today - p_start, 0), p_deadline - p_start) > (p_lag + p_progress) * (p_deadline - p_start)
            then 'YELLOW'
        when p_missed then 'YELLOW'
        else 'GREEN'
    end
$$;

-- The ledger (台账): one line per measure, by one function so that the live export and the snapshot
-- kept when a dispatch round closes can never disagree.
create or replace function duban_ledger(p_today date, p_near int, p_lag int)
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
     where m.kind = 'MEASURE'
$$;

-- The roll-up rule (汇总), published at /api/v1/public/rules; Java twin: org.duban.measure.Rollup.
-- A parent (a measure with tasks, or a city's task with county tasks) takes its progress from its
-- direct children: their mean progress, weighted by each child's share of the parent's primary
-- target (the first target with a value) when every child has a positive share, else equally;
-- rounded half up, computed exactly (integer division of 2*sum + n by 2*n).
create or replace function duban_rollup_progress(p_progress int[], p_shares numeric[])
    returns int language sql immutable as $$
    select case
        when coalesce(cardinality(p_progress), 0) = 0 then null
        when cardinality(p_shares) = cardinality(p_progress)
             and not exists (select 1 from unnest(p_shares) s where s is null or s <= 0) then
            (select div(2 * sum(x.p * x.s) + sum(x.s), 2 * sum(x.s))::int
               from unnest(p_progress, p_shares) as x(p, s))
        else
            (select div(2 * sum(p) + count(*), 2 * count(*))::int from unnest(p_progress) p)
    end
$$;

-- A target's actual from the same target of the direct children, by the target's aggregation:
-- SUM (the sum of the actuals reported), MEAN (their mean, to 0.01, half up), MAX, MIN, or COVERAGE
-- (how many children met their own target: an actual at least the child's target value, or at
-- least 1 when the child has none). NULL when no child has an actual (COVERAGE: when no child).
create or replace function duban_rollup_actual(p_aggregation text, p_actuals numeric[], p_targets numeric[])
    returns numeric language sql immutable as $$
    select case p_aggregation
        when 'SUM' then (select sum(a) from unnest(p_actuals) a)
        when 'MEAN' then (select div(2 * 100 * sum(a) + count(a), 2 * count(a)) / 100.0
                            from unnest(p_actuals) a having count(a) > 0)
        when 'MAX' then (select max(a) from unnest(p_actuals) a)
        when 'MIN' then (select min(a) from unnest(p_actuals) a)
        when 'COVERAGE' then
            case when coalesce(cardinality(p_actuals), 0) = 0 then null else
            (select count(*) filter (where x.a is not null and x.a >= coalesce(x.t, 1))
               from unnest(p_actuals, p_targets) as x(a, t)) end
    end
$$;

-- The tasks ledger (任务台账, issue 14, dashboard): one line per local task, with its region and
-- measure, by one function so that the live export and the snapshot kept when a round closes (in
-- ledger_task_snapshot) can never disagree. The measures' ledger (duban_ledger) stays measures only.
create or replace function duban_ledger_tasks(p_today date, p_near int, p_lag int)
    returns table (region_code text, region_name text, measure_code text, code text, title text, unit text,
                   committed_deadline date, deadline date, progress int, status text, light text, last_report_at timestamptz)
    language sql stable as $$
    select t.region_code::text, rg.name::text, root.code::text, t.code::text, t.title::text, u.name::text,
           t.committed_deadline, t.current_deadline, t.progress, t.status::text,
           duban_light(t.status, t.progress, t.start_date, t.current_deadline, t.claimed_done_on,
                       t.reporting_missed, p_today, p_near, p_lag),
           (select max(r.submitted_at) from progress_report r where r.measure_id = t.id)
      from measure t
      join measure root on root.id = t.root_id
      join unit u on u.code = t.lead_unit_code
      join region rg on rg.code = t.region_code
     where t.kind = 'TASK'
$$;
