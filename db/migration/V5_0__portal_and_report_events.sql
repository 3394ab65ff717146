-- Events of the disputes, portal and reports capabilities (issues 6 and 7), added once here so that the
-- capabilities' own migrations never redefine this check (a later redefinition would drop the others' types).
alter table event drop constraint event_type_check;
alter table event add constraint event_type_check check (type in ('ITEMS_QUALIFIED', 'COMMENT_ADDED', 'MAIL_QUEUED',
    'MAIL_SENT', 'MAIL_FAILED', 'ACTION_CREATED', 'ACTION_COMPLETED', 'ACTION_CANCELLED', 'ITEMS_IMPORTED',
    'CONTACT_CHANGED', 'ALERT_RAISED', 'ALERT_CLEARED', 'STATUS_REPLACED', 'SCENARIO_ASSIGNED', 'ACTION_PLANNED',
    'ACTION_DONE', 'ACTION_SKIPPED', 'ACTION_RESCHEDULED', 'ACTION_REASSIGNED', 'ACTION_REPLACED', 'CALL_LOGGED',
    'LETTER_PRINTED', 'CUSTOMER_COMMENT_RECEIVED', 'CUSTOMER_COMMENT_VALIDATED', 'CUSTOMER_COMMENT_REJECTED',
    'PORTAL_LINK_CREATED', 'PORTAL_LINK_REVOKED', 'DOCUMENT_ATTACHED', 'CREDIT_LIMIT_CHANGED'));
