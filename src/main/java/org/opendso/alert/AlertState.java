package org.opendso.alert;

/** Which alerts a list shows: those still shown on the accounts, those cleared (resolved, acknowledged, switched off), or both. */
public enum AlertState {
    OPEN, CLEARED, ALL
}
