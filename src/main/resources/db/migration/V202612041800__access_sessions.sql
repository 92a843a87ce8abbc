-- Signed-in sessions live in the database, not in one instance's memory, so any instance behind a proxy can
-- serve any request. The layout is Spring Session JDBC's own; bytea is binary varying on both PostgreSQL and H2.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint pk_spring_session primary key (primary_id)
);

create unique index uq_spring_session_session_id on spring_session (session_id);
create index ix_spring_session_expiry_time on spring_session (expiry_time);
create index ix_spring_session_principal_name on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint pk_spring_session_attributes primary key (session_primary_id, attribute_name),
    constraint fk_spring_session_attributes_session foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
