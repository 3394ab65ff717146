package org.opendso.scenario;

/** A scenario change the administrator must correct; names the field (e.g. {@code steps[2].template}). Nothing was saved. */
public class InvalidScenario extends IllegalArgumentException {

    private final String field;

    public InvalidScenario(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
