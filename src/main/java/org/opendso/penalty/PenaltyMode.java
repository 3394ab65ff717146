package org.opendso.penalty;

/** How a company's annual penalty rate is set. */
public enum PenaltyMode {
    /** French statutory rate: the ECB main refinancing rate in force on 1 January / 1 July, plus 10 points. */
    STATUTORY,
    /** A rate the company chose. */
    FIXED
}
