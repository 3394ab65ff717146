package org.opendso.portal;

/**
 * A token that opens nothing: unknown (forged, mistyped, another tenant's deleted link), expired or revoked. The
 * reason is for the log only; the customer sees the same plain page whatever it is.
 */
public class InvalidPortalLink extends RuntimeException {

    public enum Reason { MALFORMED, UNKNOWN, EXPIRED, REVOKED }

    private final Reason reason;

    InvalidPortalLink(Reason reason) {
        super("This link is no longer valid", null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** An expired or revoked link existed: "gone" (410); anything else "not found" (404). */
    public boolean gone() {
        return reason == Reason.EXPIRED || reason == Reason.REVOKED;
    }
}
