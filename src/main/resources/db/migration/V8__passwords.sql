-- Password age (expiry) and the administrator's reset, which forces a change at the next login.
alter table app_user add column password_changed_at timestamptz not null default now();
alter table app_user add column must_change_password boolean not null default false;
