-- Every mail gets its Message-ID when it is queued and keeps it on every attempt: a mail that a server accepted
-- just before a crash and that is sent again arrives with the same Message-ID, which mail systems treat as one
-- message. Attachments (letters as PDF) travel with the outbox row.
alter table mail_outbox add column message_id text;
update mail_outbox set message_id = '<' || id || '.' || md5(random()::text || clock_timestamp()::text) || '@opendso>'
where message_id is null;
alter table mail_outbox alter column message_id set not null,
    alter column message_id set default '<' || gen_random_uuid() || '@opendso.localhost>';
create unique index mail_outbox_message_id_uq on mail_outbox (message_id);

create table mail_attachment (
    id            bigserial primary key,
    mail_id       bigint not null references mail_outbox (id) on delete cascade,
    file_name     text   not null check (length(file_name) between 1 and 200),
    content_type  text   not null,
    content       bytea  not null
);
create index mail_attachment_mail_idx on mail_attachment (mail_id);
