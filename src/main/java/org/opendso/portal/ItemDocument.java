package org.opendso.portal;

import java.time.Instant;
import org.opendso.item.ItemType;

/** The PDF copy of an item; {@code content} is null in lists. */
public record ItemDocument(long itemId, ItemType type, String number, String fileName, int size, Instant uploadedAt,
                           String uploadedBy, byte[] content) {
}
