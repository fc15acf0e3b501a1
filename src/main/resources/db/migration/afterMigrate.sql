-- Runs after every migration (a Flyway callback), as the migration login: the owner of the schema.
-- The application's login (${app_role}) may read and write the business tables, but only read and
-- append to the journal, the audit trail and its checkpoints: no UPDATE, DELETE or TRUNCATE there,
-- and, not being the owner, no ALTER and no trigger control. When the application connects with the
-- owner's own login there is nobody to grant to, and the app says so at start (AuditIntegrity).
do $$
declare
    app text := '${app_role}';
    lo oid;
begin
    -- nobody but the owner creates anything in the schema (PostgreSQL before 15 lets everyone):
    -- another login could otherwise shadow a function the trigger calls
    revoke create on schema public from public;
    if app = '' or app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        raise notice 'no separate application role to grant to (app role "%", migrating as "%")', app, current_user;
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('grant execute on all functions in schema public to %I', app);
    execute format('revoke update, delete, truncate, references, trigger on journal_entry, audit_event, audit_checkpoint from %I', app);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    -- evidence files (issue 15): the app's login creates and so owns their large objects; after a
    -- restore (pg_restore --no-owner, as this login) they belong to this login: give them back (the
    -- owner alone may unlink one), or at least let the app read them when this login may not
    for lo in select m.oid from pg_largeobject_metadata m where m.lomowner = (select oid from pg_roles where rolname = current_user) loop
        begin
            execute format('alter large object %s owner to %I', lo, app);
        exception when insufficient_privilege then
            execute format('grant select, update on large object %s to %I', lo, app);
        end;
    end loop;
end
$$;
