-- Consent is never assumed. A file without a Samtycke column says once, for all its rows, that everyone consented
-- (on a date) or that nobody did, in which case its rows are counted only as anonymous starts.
alter table followup_import add column consent_decision varchar(20);
alter table followup_import add column consent_date date;
alter table followup_import add constraint ck_followup_import_consent check (
    (consent_decision is null and consent_date is null)
    or (consent_decision = 'NONE' and consent_date is null)
    or (consent_decision = 'ALL_CONSENTED' and consent_date is not null));
