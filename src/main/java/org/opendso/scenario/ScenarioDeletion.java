package org.opendso.scenario;

/** A deleted scenario, the scenario its accounts moved to (null when none followed it) and how many moved. */
public record ScenarioDeletion(String name, String replacement, long accounts) {
}
