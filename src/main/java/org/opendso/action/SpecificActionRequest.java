package org.opendso.action;

import java.time.LocalDate;
import java.util.List;
import org.opendso.item.OpenItem;

/**
 * A specific action as the API and the sheet ask for it: items by their keys, the resolver by login (a collector
 * or a sales manager who sees the account, or an administrator).
 */
public record SpecificActionRequest(ActionKind kind, List<OpenItem.Key> items, String resolver, LocalDate dueDate,
                                    String note) {
}
