package org.opendso.agenda;

import java.time.LocalDate;
import java.util.List;
import org.opendso.tenant.Logo;

/**
 * A letter to lay out: the company writing (name, address lines, logo or null), the recipient (name, "for the
 * attention of" or null, postal address lines), the place and date, the subject (plain text) and the body (HTML
 * rendered from a template, values already escaped).
 */
record Letter(
        String language,
        String companyName,
        List<String> companyAddress,
        Logo logo,
        String recipientName,
        String attention,
        List<String> recipientAddress,
        String place,
        LocalDate date,
        String subject,
        String bodyHtml) {

    Letter {
        companyAddress = List.copyOf(companyAddress);
        recipientAddress = List.copyOf(recipientAddress);
    }

    boolean french() {
        return "fr".equals(language);
    }
}
