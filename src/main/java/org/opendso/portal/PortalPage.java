package org.opendso.portal;

import java.util.List;

/**
 * Everything the portal page shows, for one access: the company (name, whether it has a logo), the account, the
 * collector's display name (the only staff name a customer sees), the statement and the customer's messages.
 */
public record PortalPage(PortalAccess access, String companyName, boolean hasLogo, String language,
                         String customerName, String account, String collectorName, List<PortalItem> items,
                         List<PortalMessage> messages) {
}
