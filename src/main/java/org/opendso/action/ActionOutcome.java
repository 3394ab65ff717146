package org.opendso.action;

/** How a specific action ended (decision 0017). */
public enum ActionOutcome {
    /** A dispute follow-up: its items were qualified "dispute resolved". */
    RESOLVED,
    /** A promise follow-up whose items were all paid (closed). */
    PAID,
    /** A promise follow-up completed although some of its items were still open. */
    UNPAID,
    /** Any other kind, completed. */
    DONE,
    CANCELLED
}
