-- Email and letter templates (issue 5 §3): the six standard templates every company starts with, in English and
-- French. Subjects are plain text; bodies are HTML with #Hashtags (see org.opendso.template.Hashtags). None uses
-- #PortalLink: the customer portal comes later, and a template naming it cannot be rendered until then.
create function create_standard_templates(tenant bigint) returns void language plpgsql as $$
begin
    insert into template (tenant_id, code, language, kind, name, subject, body, standard) values
    (tenant, 'PRE_DUE_REMINDER', 'en', 'EMAIL', 'Pre-due reminder',
     'Upcoming payment - #CompanyName - account #CustomerAccount',
     '<p>Dear #ContactName,</p>
<p>We are writing to kindly remind you that the following invoices from #CompanyName will soon fall due:</p>
#OpenItemsTable
<p>The balance of your account #CustomerAccount is #Balance. If payment has already been scheduled, please disregard this message and accept our thanks.</p>
<p>Should you have any question about these invoices, I will be glad to help.</p>
<p>Kind regards,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'PRE_DUE_REMINDER', 'fr', 'EMAIL', 'Rappel avant échéance',
     'Prochaine échéance - #CompanyName - compte #CustomerAccount',
     '<p>Bonjour #ContactName,</p>
<p>Nous nous permettons de vous rappeler que les factures suivantes de #CompanyName arrivent prochainement à échéance :</p>
#OpenItemsTable
<p>Le solde de votre compte #CustomerAccount s''élève à #Balance. Si le règlement est déjà programmé, merci de ne pas tenir compte de ce message.</p>
<p>Je reste à votre disposition pour toute question concernant ces factures.</p>
<p>Cordialement,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'FIRST_REMINDER', 'en', 'EMAIL', 'First reminder',
     'Payment reminder - account #CustomerAccount',
     '<p>Dear #ContactName,</p>
<p>According to our records, the following invoices remain unpaid, for a total overdue amount of #OverdueAmount (the oldest was due on #OldestDueDate):</p>
#OverdueItemsTable
<p>This may well be an oversight. We would be grateful if you could arrange payment at your earliest convenience, or let us know if there is any issue with these invoices.</p>
<p>If your payment has crossed this message, please accept our thanks and disregard this reminder.</p>
<p>Kind regards,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'FIRST_REMINDER', 'fr', 'EMAIL', 'Première relance',
     'Rappel de paiement - compte #CustomerAccount',
     '<p>Bonjour #ContactName,</p>
<p>Sauf erreur de notre part, les factures suivantes restent impayées, pour un montant échu de #OverdueAmount (la plus ancienne était due le #OldestDueDate) :</p>
#OverdueItemsTable
<p>Il s''agit sans doute d''un oubli. Nous vous remercions de bien vouloir procéder à leur règlement dans les meilleurs délais, ou de nous signaler toute difficulté concernant ces factures.</p>
<p>Si votre règlement a croisé ce message, merci de ne pas en tenir compte.</p>
<p>Cordialement,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'SECOND_REMINDER', 'en', 'EMAIL', 'Second reminder',
     'Second reminder: overdue invoices - account #CustomerAccount',
     '<p>Dear #ContactName,</p>
<p>Despite our previous reminder, the following invoices are still unpaid. The overdue amount is now #OverdueAmount, the oldest invoice having been due since #OldestDueDate:</p>
#OverdueItemsTable
<p>We kindly ask you to settle this amount within eight days. If there is a reason for the delay, such as a dispute about an invoice, please contact me so that we can resolve it quickly.</p>
<p>Please note that late payment entails penalties under our terms of sale.</p>
<p>Yours sincerely,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'SECOND_REMINDER', 'fr', 'EMAIL', 'Deuxième relance',
     'Deuxième relance : factures échues - compte #CustomerAccount',
     '<p>Bonjour #ContactName,</p>
<p>Malgré notre précédent rappel, les factures suivantes demeurent impayées. Le montant échu s''élève désormais à #OverdueAmount, la plus ancienne facture étant échue depuis le #OldestDueDate :</p>
#OverdueItemsTable
<p>Nous vous remercions de bien vouloir régler ce montant sous huit jours. Si ce retard a une raison, par exemple un litige sur une facture, n''hésitez pas à me contacter afin que nous le résolvions rapidement.</p>
<p>Nous vous rappelons que tout retard de paiement donne lieu à des pénalités conformément à nos conditions générales de vente.</p>
<p>Veuillez agréer nos salutations distinguées.</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'FORMAL_NOTICE', 'en', 'LETTER', 'Formal notice',
     'Formal notice to pay - account #CustomerAccount',
     '<p>#CompanyLogo</p>
<p>#CompanyName<br>#CompanyAddress</p>
<p>#CustomerName<br>For the attention of #ContactName</p>
<p>#Today</p>
<p><strong>Subject: formal notice to pay - account #CustomerAccount</strong></p>
<p>Dear #ContactName,</p>
<p>Despite our reminders, the following invoices remain unpaid to this day, for a total overdue amount of #OverdueAmount:</p>
#OverdueItemsTable
<p>Under our terms of sale, late payment entails penalties, amounting to #PenaltyAmount to date, as well as a fixed recovery indemnity, amounting to #IndemnityAmount.</p>
<p>We hereby formally request that you pay the sum of #OverdueAmount within eight days of receipt of this letter. Failing payment within this period, we will be obliged to take the necessary steps to recover the amount due, without further notice.</p>
<p>Should your payment have been sent in the meantime, please disregard this letter.</p>
<p>Yours faithfully,</p>
<p>#CollectorName<br>#CompanyName</p>', true),
    (tenant, 'FORMAL_NOTICE', 'fr', 'LETTER', 'Mise en demeure',
     'Mise en demeure de payer - compte #CustomerAccount',
     '<p>#CompanyLogo</p>
<p>#CompanyName<br>#CompanyAddress</p>
<p>#CustomerName<br>À l''attention de #ContactName</p>
<p>Le #Today</p>
<p><strong>Objet : mise en demeure de payer - compte #CustomerAccount</strong></p>
<p>Madame, Monsieur,</p>
<p>Malgré nos relances, les factures suivantes restent impayées à ce jour, pour un montant échu total de #OverdueAmount :</p>
#OverdueItemsTable
<p>Conformément à l''article L441-10 du Code de commerce et à nos conditions générales de vente, tout retard de paiement entraîne de plein droit des pénalités de retard, qui s''élèvent à ce jour à #PenaltyAmount, ainsi qu''une indemnité forfaitaire pour frais de recouvrement de 40 € par facture, soit #IndemnityAmount.</p>
<p>Par la présente, nous vous mettons en demeure de régler la somme de #OverdueAmount, majorée de ces pénalités et indemnités, dans un délai de huit jours à compter de la réception de ce courrier. À défaut de paiement dans ce délai, nous serons contraints d''engager, sans autre préavis, les procédures de recouvrement nécessaires.</p>
<p>Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce courrier.</p>
<p>Veuillez agréer, Madame, Monsieur, l''expression de nos salutations distinguées.</p>
<p>#CollectorName<br>#CompanyName</p>', true),
    (tenant, 'PROMISE_CONFIRMATION', 'en', 'EMAIL', 'Promise-to-pay confirmation',
     'Confirmation of your payment commitment - account #CustomerAccount',
     '<p>Dear #ContactName,</p>
<p>Thank you for our recent exchange. As agreed, we note your commitment to pay the following invoices, for an overdue amount of #OverdueAmount:</p>
#OverdueItemsTable
<p>We will look out for your payment and thank you in advance for your cooperation. Please let me know if anything changes.</p>
<p>Kind regards,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'PROMISE_CONFIRMATION', 'fr', 'EMAIL', 'Confirmation de promesse de paiement',
     'Confirmation de votre engagement de paiement - compte #CustomerAccount',
     '<p>Bonjour #ContactName,</p>
<p>Merci pour notre récent échange. Comme convenu, nous prenons note de votre engagement de régler les factures suivantes, pour un montant échu de #OverdueAmount :</p>
#OverdueItemsTable
<p>Nous restons attentifs à votre règlement et vous remercions par avance de votre collaboration. N''hésitez pas à me prévenir en cas de changement.</p>
<p>Cordialement,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'DISPUTE_ACKNOWLEDGEMENT', 'en', 'EMAIL', 'Dispute acknowledgement',
     'We have received your query - account #CustomerAccount',
     '<p>Dear #ContactName,</p>
<p>Thank you for letting us know about your concern regarding your account #CustomerAccount. We have registered your query and passed it on to the team concerned.</p>
<p>We will come back to you as soon as possible with an answer. In the meantime, the invoices concerned will not be chased; we would be grateful if the other invoices could be paid as they fall due.</p>
<p>Kind regards,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true),
    (tenant, 'DISPUTE_ACKNOWLEDGEMENT', 'fr', 'EMAIL', 'Accusé de réception de litige',
     'Nous avons bien reçu votre réclamation - compte #CustomerAccount',
     '<p>Bonjour #ContactName,</p>
<p>Merci de nous avoir fait part de votre réclamation concernant votre compte #CustomerAccount. Nous l''avons enregistrée et transmise au service concerné.</p>
<p>Nous reviendrons vers vous dans les meilleurs délais avec une réponse. D''ici là, les factures concernées ne feront pas l''objet de relance ; nous vous remercions de bien vouloir régler les autres factures à leur échéance.</p>
<p>Cordialement,</p>
<p>#CollectorName<br>#CompanyName<br>#CollectorEmail</p>', true)
    -- a company that already has some of them (the function run twice) keeps its own text
    on conflict (tenant_id, code, language) do nothing;
end
$$;

-- A trigger of its own, like tenant_standard_scenarios: each capability seeds its own tables.
create function tenant_created_templates() returns trigger language plpgsql as $$
begin
    perform create_standard_templates(new.id);
    return new;
end
$$;
create trigger tenant_standard_templates after insert on tenant
    for each row execute function tenant_created_templates();
select create_standard_templates(id) from tenant;
