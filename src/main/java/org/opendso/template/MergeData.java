package org.opendso.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.opendso.item.OpenItem;
import org.opendso.tenant.Logo;

/**
 * Everything a template's hashtags are replaced by, gathered for one account on one day. Amounts are in the
 * account's currency; {@code contactName}, {@code oldestDueDate} and {@code logo} may be null (no collection contact,
 * nothing overdue, no logo). {@code portalLink} is the absolute URL of the recipient's portal link, created for
 * the mail being sent; null in a preview (no link exists yet).
 */
record MergeData(
        String language,
        String currency,
        String customerName,
        String customerAccount,
        String contactName,
        BigDecimal balance,
        BigDecimal overdueAmount,
        LocalDate oldestDueDate,
        BigDecimal penaltyAmount,
        BigDecimal indemnityAmount,
        List<OpenItem> openItems,
        String companyName,
        List<String> companyAddress,
        Logo logo,
        String collectorName,
        String collectorEmail,
        LocalDate today,
        String portalLink) {
}
