package org.opendso.tenant;

import java.math.BigDecimal;

/**
 * The "My account" settings of a tenant. Penalty rate in percent per year (French default: ECB
 * refinancing rate + 10 points); recovery indemnity is the fixed amount per late invoice (€40 in France).
 */
public record CompanySettings(
        long tenantId,
        String name,
        String address,
        String postalCode,
        String city,
        String country,
        String mainCurrency,
        BigDecimal penaltyRate,
        BigDecimal recoveryIndemnity,
        String language,
        boolean collectorsSeeAll,
        boolean hasLogo,
        long version) {
}
