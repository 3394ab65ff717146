package org.opendso.action;

public enum ActionState {
    OPEN,
    COMPLETED,
    CANCELLED
}
