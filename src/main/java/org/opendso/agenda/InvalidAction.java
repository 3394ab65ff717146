package org.opendso.agenda;

/** A request about an action that cannot be done as asked; {@code field} names the request value at fault. */
public class InvalidAction extends IllegalArgumentException {

    private final String field;

    public InvalidAction(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
