-- Logout on the server: the staff session is a stateless encrypted cookie, so logging out marks the
-- account; until the next form login no session cookie of that account is accepted.
alter table app_user add column logged_out_at timestamptz;
