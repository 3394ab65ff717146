package org.opendso.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.opendso.item.ItemType;

/**
 * A line of the statement as the customer reads it: no status name, comment or who changed it; {@code statusDate}
 * is the promised date of a promised item, else null.
 */
public record PortalItem(long id, ItemType type, String number, LocalDate issueDate, LocalDate dueDate,
                         BigDecimal amount, BigDecimal openAmount, String currency, CustomerStatus status,
                         LocalDate statusDate, boolean hasDocument) {
}
