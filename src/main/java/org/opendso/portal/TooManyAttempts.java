package org.opendso.portal;

/** Too many failed portal attempts from one address or on one token prefix (429); see {@link PortalAttempts}. */
public class TooManyAttempts extends RuntimeException {

    TooManyAttempts() {
        super("Too many attempts; try again in a few minutes", null, false, false);
    }
}
