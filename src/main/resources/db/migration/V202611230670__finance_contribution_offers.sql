-- What each member has decided to contribute, when the members decide separately (seed 004): the member
-- offering least relative to its share sets the size of the whole.
create table contribution_offer (
    contribution_year_id bigint not null,
    member_id            bigint not null,
    offer_kr             bigint not null,
    constraint pk_contribution_offer primary key (contribution_year_id, member_id),
    constraint fk_contribution_offer_year foreign key (contribution_year_id) references contribution_year (id) on delete cascade,
    constraint fk_contribution_offer_member foreign key (member_id) references member (id),
    constraint ck_contribution_offer check (offer_kr >= 0)
);
