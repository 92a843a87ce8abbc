-- Which of a förbund's state members pays the state's share: under FINSAM Försäkringskassan pays for the state,
-- Arbetsförmedlingen included. A member attribute, so no rule has to recognise the payer by its name.
alter table member add column state_payer boolean default false not null;
alter table member add constraint ck_member_state_payer check (kind = 'STATE' or not state_payer);

-- The existing förbund: Försäkringskassan where it is a member, else the first state member (as the rule chose before).
update member set state_payer = true where kind = 'STATE' and name = 'Försäkringskassan';
update member set state_payer = true
 where id in (select min(m.id) from member m
               where m.kind = 'STATE'
                 and not exists (select 1 from member p where p.association_id = m.association_id and p.state_payer)
               group by m.association_id);
