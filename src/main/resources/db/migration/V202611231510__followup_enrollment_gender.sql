-- Each episode carries its participant's legal gender and birth year, copied when the episode is created (a
-- participant's gender and birth year never change once registered). Every report counts episodes by gender and
-- age band: with the copy, the reports and the participant list's summary read the episodes alone instead of
-- joining them to every participant (the national report over a million episodes spent a third of its time there).
-- The same personal data as on the participant, under the same rules: pseudonymous, read only with the episode.
alter table enrollment add column gender varchar(10);
alter table enrollment add column birth_year integer;

update enrollment set gender = (select p.gender from participant p where p.id = enrollment.participant_id),
                      birth_year = (select p.birth_year from participant p where p.id = enrollment.participant_id);

alter table enrollment alter column gender set not null;
alter table enrollment add constraint ck_enrollment_gender check (gender in ('WOMAN', 'MAN'));
