package org.opendso.scenario;

import java.util.List;

/** A scenario as an administrator writes it: a new one, or the new name, description and whole list of steps. */
public record ScenarioDraft(String name, String description, List<ScenarioStep> steps) {
}
