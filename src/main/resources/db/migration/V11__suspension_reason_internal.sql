-- A suspension's reason is internal (the staff view and the journal, which keep it): until now it
-- was also copied into the public timeline. From here on the timeline holds the suspension's own
-- public sentence or the bare fact; the entries written before say the bare fact too.
update public_event set summary = '暂缓推进' where kind = 'SUSPENDED';
