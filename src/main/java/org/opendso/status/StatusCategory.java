package org.opendso.status;

/** What a status means for collection: the scenario, reports and alerts reason on categories, not on statuses. */
public enum StatusCategory {
    ON_GOING,
    PROMISE_TO_PAY,
    DISPUTE,
    DISPUTE_RESOLVED,
    LITIGATION
}
