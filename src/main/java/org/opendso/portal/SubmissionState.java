package org.opendso.portal;

/** A submission waits for a collector, who accepts it (it becomes a qualification) or turns it down. */
public enum SubmissionState { PENDING, VALIDATED, REJECTED }
