package org.opendso.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opendso.item.OpenItem;

/** A customer's submission as staff see it; {@code version} is what a decision is made against. */
public record Submission(long id, long customerId, SubmissionKind kind, List<OpenItem.Key> items,
                         LocalDate promisedDate, String comment, String contactName, SubmissionState state,
                         String decidedBy, Instant decidedAt, String answer, Instant createdAt, long version) {
}
