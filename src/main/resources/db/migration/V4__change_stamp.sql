-- A change stamp: every statement that writes a table the staff and public views read draws a
-- number from this sequence (sequences never block and never roll back). A cached view remembers
-- the number it was built at and is rebuilt when the number has moved. See docs/architecture.md.
create sequence duban_change_seq;

create function duban_touch() returns trigger language plpgsql as $$
begin
    perform nextval('duban_change_seq');
    return null;
end
$$;

do $$
declare t text;
begin
    foreach t in array array['measure', 'measure_co_unit', 'milestone', 'target', 'unit', 'progress_report',
                             'postponement', 'public_event', 'dispatch_round', 'round_result', 'scan_snapshot']
    loop
        execute format('create trigger %I after insert or update or delete or truncate on %I
                        for each statement execute function duban_touch()', t || '_touch', t);
    end loop;
end
$$;
