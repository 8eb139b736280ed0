-- Tamper evidence for the case history (ADR 0012). Every row the engine writes to its history
-- tables (ACT_HI_*, history byte arrays) and every case material and catalogue row Fazhi writes
-- is linked, in the same transaction, into an append-only hash chain: one chain per case (the
-- root process instance id), '-' for history that belongs to no case, 'fz-catalog' for the decision
-- catalogue. '*' is the registry: one link per chain created, so that a whole chain cannot vanish.
-- Fazhi never updates or deletes a link; only the head row of a chain moves forward.

-- One row per chain: where it ends. Locked (select ... for update) while links are appended.
create table fz_audit_chain (
    chain_key  varchar(64) not null primary key,
    last_seq   bigint      not null,
    last_hash  char(64)    not null,
    created_at timestamp   not null
);

-- One row per history write: which row (table and id), what happened (INSERT, UPDATE, DELETE,
-- BASELINE for rows that existed before the chain), the SHA-256 of the row's canonical content
-- after the write, and the SHA-256 linking it to the previous link of its chain.
create table fz_audit_link (
    chain_key    varchar(64)  not null,
    link_seq     bigint       not null,
    source_table varchar(40)  not null,
    row_id       varchar(255) not null,
    row_op       varchar(10)  not null,
    content_hash char(64)     not null,
    link_hash    char(64)     not null,
    linked_at    timestamp    not null,
    primary key (chain_key, link_seq)
);

create index fz_audit_link_row on fz_audit_link (source_table, row_id);

-- Set once, when the history that existed before this migration has been sealed (BASELINE links).
create table fz_audit_baseline (
    sealed_at   timestamp not null,
    sealed_rows bigint    not null
);

insert into fz_audit_chain (chain_key, last_seq, last_hash, created_at)
values ('*', 0, '0000000000000000000000000000000000000000000000000000000000000000', current_timestamp);
