package org.opendso.portal;

/**
 * A collector's acceptance of a submission, made against the version they saw: {@code status} the status code to
 * set (a promise: the company's promise-to-pay status whatever is given; a dispute: one of category DISPUTE, by
 * default the first; a comment: none, or one chosen), {@code answer} what the customer reads (optional).
 */
public record SubmissionDecision(long version, String status, String answer) {
}
