-- Substring search on titles (q=执行). Chinese has no spaces and pg_trgm needs three characters, so
-- every title keeps its single characters and two-character pieces (lower-cased) in a generated
-- column with a GIN index; a query needs all of its two-character pieces (or its one character),
-- and LIKE then confirms the substring. Stays an index lookup at 10^5 measures and more.
create function duban_grams(p text) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct g), '{}')
      from (select substr(lower(p), i, 1) as g from generate_series(1, length(p)) i
            union all
            select substr(lower(p), i, 2) from generate_series(1, length(p) - 1) i) s
$$;

create function duban_query_grams(p text) returns text[] language sql immutable parallel safe as $$
    select case when length(p) >= 2
                then (select array_agg(distinct substr(lower(p), i, 2)) from generate_series(1, length(p) - 1) i)
                else array[lower(p)] end
$$;

create function duban_title_match(p_grams text[], p_q text) returns boolean language sql immutable parallel safe as $$
    select p_grams @> duban_query_grams(p_q)
$$;

alter table measure add column title_grams text[] generated always as (duban_grams(title)) stored;
create index measure_title_grams_idx on measure using gin (title_grams);
