package org.opendso.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One of the customer's messages as the portal shows it back to them: what they said, and the company's answer. */
public record PortalMessage(long id, SubmissionKind kind, List<String> items, LocalDate promisedDate, String comment,
                            SubmissionState state, String answer, Instant createdAt, Instant decidedAt) {
}
