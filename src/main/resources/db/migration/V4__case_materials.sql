-- Case materials (案卷材料, ADR 0009). The file itself is a Camunda attachment of the case's process
-- instance (ACT_HI_ATTACHMENT: name, description, content type in TYPE_, upload time in
-- CREATE_TIME_; bytes in ACT_GE_BYTEARRAY), so it lives in Camunda's history with the case.
-- This table keeps what the attachment has no column for, keyed by its id (ACT_HI_ATTACHMENT.ID_),
-- and is written in the same transaction. Rows are never updated or deleted by Fazhi.
-- No foreign key to ACT_HI_ATTACHMENT: Camunda owns and may create its schema after this one.
create table fz_case_material (
    attachment_id       varchar(64)  not null primary key,
    process_instance_id varchar(64)  not null,
    business_key        varchar(255) not null,
    task_id             varchar(64),
    material_type       varchar(32)  not null,
    size_bytes          bigint       not null,
    content_sha256      char(64)     not null,
    uploaded_by         varchar(255) not null,
    uploaded_by_name    varchar(255) not null,
    office_id           varchar(255),
    office_name         varchar(255)
);

create index fz_case_material_instance on fz_case_material (process_instance_id);
create index fz_case_material_key on fz_case_material (business_key);
