-- One row that instances starting at once on an empty database lock (select … for update) while they decide
-- whether to create the first administrator or load the demo data, so exactly one of them does it.
create table installation_lock (
    lock_name varchar(100) not null,
    constraint pk_installation_lock primary key (lock_name)
);

insert into installation_lock (lock_name) values ('first-start');
