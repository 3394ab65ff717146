package org.opendso.portal;

/** A link or submission id that is not one of this account (or not one the staff member sees). */
public class UnknownPortalLink extends RuntimeException {

    public UnknownPortalLink(String message) {
        super(message);
    }
}
