-- "Referred by this member, unit not stated": a referring unit of its own for every member, so that a start whose
-- file or form names only the member (Försäkringskassan, Region Stockholm) is recorded truthfully and counted under
-- the member, instead of under an arbitrary unit. Created with the member, renamed with it, deleted with it.
alter table referrer add column unit_stated boolean default true not null;
alter table referrer add constraint ck_referrer_unit_stated check (unit_stated or (member_id is not null and not self_referral));

insert into referrer (association_id, member_id, name, self_referral, active, unit_stated)
select m.association_id, m.id, m.name || ' – enhet ej angiven', false, true, false
  from member m
 where not exists (select 1 from referrer r where r.member_id = m.id and not r.unit_stated);
