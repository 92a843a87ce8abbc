-- Swedish alphabetical order for paging in SQL: the hex of the title's java.text.CollationKey (sv-SE),
-- which sorts the same in every database collation because it holds only 0-9 and a-f.
alter table catalog_entry add column sort_key varchar(1000) not null default '';
