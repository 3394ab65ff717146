package org.opendso.portal;

/** What a customer sends about some of their items. */
public enum SubmissionKind { COMMENT, PROMISE, DISPUTE }
