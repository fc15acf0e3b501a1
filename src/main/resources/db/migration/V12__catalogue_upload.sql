-- A catalogue file uploaded on the staff page, kept between its dry run and the office's
-- confirmation (the confirmation names the row, never a file sent again). Only its uploader may
-- apply it, within an hour; applying it deletes it, and older rows are swept at the next upload.
create table catalogue_upload (
    id          uuid primary key,
    uploader    varchar(64) not null,
    created_at  timestamptz not null,
    sha256      char(64) not null,
    kind        varchar(8) not null check (kind in ('CSV', 'XLSX')),
    bytes       bytea not null
);
create index catalogue_upload_created on catalogue_upload (created_at);
