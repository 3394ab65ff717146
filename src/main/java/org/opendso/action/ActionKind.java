package org.opendso.action;

/** Why a specific action exists. */
public enum ActionKind {
    DISPUTE_FOLLOW_UP,
    PROMISE_FOLLOW_UP,
    OLD_ITEMS_REVIEW,
    CUSTOM
}
