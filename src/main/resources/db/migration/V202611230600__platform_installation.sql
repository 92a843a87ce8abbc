-- Installation-wide settings, e.g. whether this installation was seeded with demo data.
create table installation_setting (
    setting_key   varchar(100) not null,
    setting_value varchar(1000) not null,
    constraint pk_installation_setting primary key (setting_key)
);
