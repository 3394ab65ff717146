package org.opendso.portal;

/** A portal request (or a staff member's decision on one) that breaks a rule; names the field at fault. */
public class InvalidPortalRequest extends IllegalArgumentException {

    private final String field;

    public InvalidPortalRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
