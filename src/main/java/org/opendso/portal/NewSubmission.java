package org.opendso.portal;

import java.time.LocalDate;
import java.util.List;

/** What a customer sends from the portal: on which of their items ({@code itemIds}), and what they say. */
public record NewSubmission(SubmissionKind kind, List<Long> itemIds, LocalDate promisedDate, String comment) {
}
