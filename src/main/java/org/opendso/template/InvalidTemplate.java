package org.opendso.template;

/** A template change the administrator must correct; names the field. Nothing was saved. */
public class InvalidTemplate extends IllegalArgumentException {

    private final String field;

    public InvalidTemplate(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
