-- Leadership mail as a digest (issue 15, point 7): the per-item bulletin (通报) rows stay, one per
-- item, level and occasion as before, but none is mailed on its own any more. Each scan gathers the
-- bulletins it queued into one digest row per leadership address (measure_id null, item_count set);
-- the items point at it (digest_id) and wait in state DIGESTED; the digest is the one message the
-- dispatcher sends, and retries.
alter table notice
    alter column measure_id drop not null,
    add column digest_id  bigint references notice (id),
    add column item_count int;
alter table notice drop constraint notice_state_check;
alter table notice add constraint notice_state_check
    check (state in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'NO_RECIPIENT', 'DIGESTED'));
-- a digest has no item and counts its items; an item may be in a digest, a digest in none
alter table notice add constraint notice_digest_shape check (
    (measure_id is null) = (item_count is not null)
    and (digest_id is null or measure_id is not null)
    and (state <> 'DIGESTED' or digest_id is not null));
-- one digest per scan and address: the scan's advisory lock serializes the instances, and an item
-- is gathered only while PENDING and unlinked, in the transaction that queued it
create index notice_digest_items_idx on notice (digest_id) where digest_id is not null;
