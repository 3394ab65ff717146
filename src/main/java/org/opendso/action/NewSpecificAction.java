package org.opendso.action;

import java.time.LocalDate;
import java.util.List;

/** A specific action to create for items of one account; the assignee is a user of the same tenant. */
public record NewSpecificAction(ActionKind kind, List<Long> itemIds, long assigneeId, LocalDate dueDate, String note) {
}
