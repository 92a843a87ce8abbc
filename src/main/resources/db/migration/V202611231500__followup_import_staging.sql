-- An import's staged rows (encrypted, up to several megabytes) move out of the import record into a table of their
-- own. Every participant and episode an import creates names the import in a foreign key, so the database reads
-- the import record once per inserted row to check it; with the staged rows inline that meant re-reading megabytes
-- per row on the embedded database once the record had left its page cache (a 10 000-row commit took minutes).
create table followup_import_staging (
    import_id   bigint not null,
    staged_rows text   not null,
    constraint pk_followup_import_staging primary key (import_id),
    constraint fk_followup_import_staging_import foreign key (import_id) references followup_import (id)
);

insert into followup_import_staging (import_id, staged_rows)
select id, staged_rows from followup_import where staged_rows is not null;

alter table followup_import drop column staged_rows;
