package org.opendso.qualification;

/** A qualification the user must correct; names the field. Nothing was saved. */
public class InvalidQualification extends IllegalArgumentException {

    private final String field;

    public InvalidQualification(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
