package org.opendso.alert;

import java.time.Instant;

/**
 * An alert on an account. {@code details} is the JSON object the rule wrote when raising it (item number, dates,
 * amounts, mail recipient and error); {@code clearedReason} RESOLVED, ACKNOWLEDGED or DISABLED once cleared.
 */
public record Alert(long id, long customerId, String account, String customerName, AlertRule rule, String subject,
                    String details, Instant raisedAt, Instant clearedAt, String clearedReason, String clearedBy) {

    public boolean open() {
        return clearedAt == null;
    }
}
