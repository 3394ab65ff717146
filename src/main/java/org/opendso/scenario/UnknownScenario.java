package org.opendso.scenario;

/** No such scenario in the caller's tenant (another tenant's scenarios do not exist for them). */
public class UnknownScenario extends IllegalArgumentException {

    public UnknownScenario(Object reference) {
        super("No scenario '" + reference + "'");
    }
}
