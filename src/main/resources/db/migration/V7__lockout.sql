-- Account lockout: consecutive failed logins, and until when the account is locked.
alter table app_user add column failed_logins int not null default 0;
alter table app_user add column locked_until timestamptz;
