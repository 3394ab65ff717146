package org.opendso.status;

/** A status change the administrator must correct; names the field. Nothing was saved. */
public class InvalidStatus extends IllegalArgumentException {

    private final String field;

    public InvalidStatus(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
