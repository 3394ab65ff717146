package org.opendso.scenario;

/** How a step's action is carried out: by a collector, proposed for confirmation, or sent on its date unattended. */
public enum StepMode {
    MANUAL, AUTO_WITH_CONFIRMATION, AUTO
}
