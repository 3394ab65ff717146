package org.opendso.scenario;

import java.util.List;

/**
 * A collection scenario of a tenant with its steps in order. {@code isDefault}: the scenario of every customer
 * without one of its own (exactly one per tenant); {@code standard}: created with the company.
 */
public record Scenario(
        long id,
        String name,
        String description,
        boolean isDefault,
        boolean standard,
        long version,
        List<ScenarioStep> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }
}
