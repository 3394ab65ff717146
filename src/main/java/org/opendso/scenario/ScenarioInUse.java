package org.opendso.scenario;

/** A scenario followed by customers cannot simply disappear: they need a replacement. Nothing was deleted. */
public class ScenarioInUse extends IllegalArgumentException {

    private final long accounts;

    public ScenarioInUse(String name, long accounts) {
        super(accounts + (accounts == 1 ? " customer account follows" : " customer accounts follow")
                + " the scenario '" + name + "': choose the scenario they move to (replacement).");
        this.accounts = accounts;
    }

    public long accounts() {
        return accounts;
    }
}
