-- Login throttling in the database, so that it holds across instances: failed logins per client address
-- (against password spraying, many usernames from one address) and the failures of usernames that do not
-- exist, which wait and lock like real accounts. Addresses and usernames are kept only as keyed hashes.
create table login_address (
    address_hash    varchar(64) not null,
    last_failure_at timestamp with time zone,
    constraint pk_login_address primary key (address_hash)
);

-- The last failed login of each username from an address.
create table login_address_failure (
    address_hash  varchar(64) not null,
    username_hash varchar(64) not null,
    failed_at     timestamp with time zone not null,
    constraint pk_login_address_failure primary key (address_hash, username_hash),
    constraint fk_login_address_failure_address foreign key (address_hash)
        references login_address (address_hash) on delete cascade
);

create index ix_login_address_failure_failed_at on login_address_failure (failed_at);

create table login_unknown_user (
    username_hash        varchar(64) not null,
    failed_logins        integer     not null,
    last_failed_login_at timestamp with time zone,
    locked_until         timestamp with time zone,
    constraint pk_login_unknown_user primary key (username_hash),
    constraint ck_login_unknown_user_failed_logins check (failed_logins >= 0)
);
