-- Letters rendered to PDF (issue 5 §3, decision 0014): the letter's layout now prints the company's logo and
-- address, the recipient's address (in the envelope window), the place and date and the subject line itself, so
-- the standard formal notices lose the paragraphs that wrote them by hand. Only where the body still starts with
-- the standard text: a company that edited its formal notice keeps what it wrote.
create function letter_layout_templates(tenant bigint) returns void language plpgsql as $$
declare
    nl text := chr(10);
    en_head text := '<p>#CompanyLogo</p>' || nl
        || '<p>#CompanyName<br>#CompanyAddress</p>' || nl
        || '<p>#CustomerName<br>For the attention of #ContactName</p>' || nl
        || '<p>#Today</p>' || nl
        || '<p><strong>Subject: formal notice to pay - account #CustomerAccount</strong></p>' || nl;
    fr_head text := '<p>#CompanyLogo</p>' || nl
        || '<p>#CompanyName<br>#CompanyAddress</p>' || nl
        || '<p>#CustomerName<br>À l''attention de #ContactName</p>' || nl
        || '<p>Le #Today</p>' || nl
        || '<p><strong>Objet : mise en demeure de payer - compte #CustomerAccount</strong></p>' || nl;
begin
    update template set body = substr(body, length(en_head) + 1), updated_at = now(), version = version + 1
    where tenant_id = tenant and code = 'FORMAL_NOTICE' and language = 'en' and standard
      and starts_with(body, en_head);
    update template set body = substr(body, length(fr_head) + 1), updated_at = now(), version = version + 1
    where tenant_id = tenant and code = 'FORMAL_NOTICE' and language = 'fr' and standard
      and starts_with(body, fr_head);
end
$$;

-- New companies: their standard templates, then the letter layout's cut.
create or replace function tenant_created_templates() returns trigger language plpgsql as $$
begin
    perform create_standard_templates(new.id);
    perform letter_layout_templates(new.id);
    return new;
end
$$;
select letter_layout_templates(id) from tenant;
