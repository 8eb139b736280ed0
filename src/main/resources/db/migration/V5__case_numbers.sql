-- Case numbers (案号) per procedure prefix and year: gapless and unique, because the counter row is
-- updated in the same transaction that starts the case (a rolled-back start gives its number back).
create table fz_case_number (
    prefix      varchar(40) not null,
    case_year   integer     not null,
    last_number bigint      not null,
    primary key (prefix, case_year)
);
