package org.opendso.portal;

/**
 * What a valid token opens: one account of one tenant, through one link, for the contact it was sent to (null: the
 * account). Obtained from the token on every call, never from ids the browser sends.
 */
public record PortalAccess(long tenantId, long customerId, long linkId, Long contactId, String contactName) {
}
