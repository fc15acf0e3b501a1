-- Evidence files (佐证材料, issue 15): a document or photo attached to something tracked (a
-- progress report, a claim, a visit, an inspection, a rectification item), kept in PostgreSQL as
-- a large object so it is streamed in and out (a bytea value is always read whole).
-- The owner is named by kind and id, not by a foreign key: each owner's package decides who reads
-- it (org.duban.evidence.EvidenceOwner). A file deleted unlinks its large objects (trigger below);
-- an owner deleted deletes its files (a trigger per owner table: progress_report here).
create table evidence_file (
    id             bigserial    primary key,
    owner_kind     varchar(16)  not null
        check (owner_kind in ('REPORT', 'CLAIM', 'VISIT', 'INSPECTION', 'RECTIFICATION')),
    owner_id       bigint       not null,
    name           varchar(255) not null,
    media_type     varchar(128) not null,
    size_bytes     bigint       not null check (size_bytes > 0),
    sha256         char(64)     not null,
    content        oid          not null,
    -- marked public by the office: a copy without metadata (EXIF, GPS, text chunks) is served
    public_content oid,
    public_size    bigint,
    public_sha256  char(64),
    uploaded_by    varchar(64)  not null,
    uploaded_at    timestamptz  not null,
    check ((public_content is null) = (public_size is null) and (public_size is null) = (public_sha256 is null))
);
create index evidence_file_owner_idx on evidence_file (owner_kind, owner_id, id);

-- no orphan: a file's row and its large objects go together
create function evidence_file_unlink() returns trigger language plpgsql as $$
begin
    perform lo_unlink(old.content);
    if old.public_content is not null then
        perform lo_unlink(old.public_content);
    end if;
    return old;
end
$$;
create trigger evidence_file_unlink after delete on evidence_file
    for each row execute function evidence_file_unlink();

-- a public copy replaced or withdrawn: the old copy goes
create function evidence_file_unlink_public() returns trigger language plpgsql as $$
begin
    if old.public_content is not null and old.public_content is distinct from new.public_content then
        perform lo_unlink(old.public_content);
    end if;
    return new;
end
$$;
create trigger evidence_file_unlink_public after update of public_content on evidence_file
    for each row execute function evidence_file_unlink_public();

-- a report deleted takes its files with it
create function evidence_owner_report_deleted() returns trigger language plpgsql as $$
begin
    delete from evidence_file where owner_kind = 'REPORT' and owner_id = old.id;
    return old;
end
$$;
create trigger evidence_owner_report_deleted after delete on progress_report
    for each row execute function evidence_owner_report_deleted();
