package org.opendso.qualification;

import java.util.List;
import org.opendso.action.SpecificAction;
import org.opendso.item.OpenItem;

/** What a qualification changed: the items as they are now, the seq of its event, the mail and action it made. */
public record QualificationResult(List<OpenItem> items, long seq, Long mailId, SpecificAction action) {
}
