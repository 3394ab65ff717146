package org.opendso.action;

/** A request about a specific action the user must correct; {@code field} names the value at fault. Nothing was saved. */
public class InvalidSpecificAction extends IllegalArgumentException {

    private final String field;

    public InvalidSpecificAction(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
