-- The statutory working-day calendar: one row per loaded State Council holiday notice, and the
-- days off (HOLIDAY) and make-up working days (MAKEUP_WORKDAY) it announces.
-- ("year" and "day" are reserved words in H2, hence cal_year and cal_date.)
create table fz_cal_year (
    cal_year        integer       not null primary key,
    notice          varchar(500)  not null,
    loaded_at       timestamp     not null,
    loaded_by       varchar(100)  not null,
    holidays        integer       not null,
    makeup_workdays integer       not null
);

create table fz_cal_day (
    cal_date date         not null primary key,
    kind     varchar(20)  not null,
    name     varchar(100) not null,
    cal_year integer      not null references fz_cal_year (cal_year)
);

create index fz_cal_day_year on fz_cal_day (cal_year);
