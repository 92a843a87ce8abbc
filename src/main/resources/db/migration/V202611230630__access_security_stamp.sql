-- Changes whenever a user's password or second factor is reset or changed: sessions started before
-- the change end at their next request.
alter table app_user add column security_stamp varchar(40) not null default 'initial';
