package org.opendso.portal;

/** A link just created: the only moment its absolute URL (with the token) is known. */
public record IssuedPortalLink(PortalLink link, String url) {
}
