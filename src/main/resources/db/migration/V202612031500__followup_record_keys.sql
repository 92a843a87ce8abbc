-- A random record key for every episode, anonymous start and joint-plan activity, drawn once when the row is
-- written and never changed. The protected reports (the board, publications, the national report) perturb each
-- count by the cell key method: a cell's key is the sum of its records' keys modulo 2^31, so the same records always
-- give the same small deviation, whichever request asks. The keys are never shown; they reveal nothing of a person.
-- The default is evaluated per row, for the rows there already (both databases) and for every insert that names no
-- key; on PostgreSQL adding the column rewrites each table once, which leaves no dead rows behind as an update would.
alter table enrollment add column record_key bigint default cast(floor(random() * 2147483648) as bigint) not null;
alter table enrollment add constraint ck_enrollment_record_key check (record_key between 0 and 2147483647);

alter table anonymous_start add column record_key bigint default cast(floor(random() * 2147483648) as bigint) not null;
alter table anonymous_start add constraint ck_anonymous_start_record_key check (record_key between 0 and 2147483647);

alter table plan_activity add column record_key bigint default cast(floor(random() * 2147483648) as bigint) not null;
alter table plan_activity add constraint ck_plan_activity_record_key check (record_key between 0 and 2147483647);
