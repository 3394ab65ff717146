package org.opendso.penalty;

/** A penalty setting refused, naming the API field at fault. */
public class InvalidPenaltySettings extends IllegalArgumentException {

    private final String field;

    public InvalidPenaltySettings(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
