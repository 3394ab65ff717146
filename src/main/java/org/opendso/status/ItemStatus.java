package org.opendso.status;

/** A status of a tenant, with its label in each language of the interface. */
public record ItemStatus(
        long id,
        String code,
        String labelEn,
        String labelFr,
        StatusCategory category,
        int followUpDays,
        boolean standard,
        long version) {

    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }
}
