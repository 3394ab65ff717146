package org.opendso.alert;

/**
 * What raises an alert. {@code minDays}..{@code maxDays} bound the rule's parameter; a rule without one
 * (MAIL_FAILED) has {@code hasDays} false.
 */
public enum AlertRule {
    /** A promise to pay whose promised date passed more than N days ago, the item still open. */
    PROMISE_BROKEN(true, 0, 365),
    /** An overdue account with no action done for more than N days. */
    NO_ACTION(true, 1, 365),
    /** An item overdue for more than N days without a status (N is the company's old-items threshold). */
    OLD_ITEM_WITHOUT_STATUS(true, 1, 3650),
    /** A mail to the account that failed for good, until a later mail to the account is sent. */
    MAIL_FAILED(false, 0, 0);

    private final boolean hasDays;
    private final int minDays;
    private final int maxDays;

    AlertRule(boolean hasDays, int minDays, int maxDays) {
        this.hasDays = hasDays;
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    public boolean hasDays() {
        return hasDays;
    }

    public int minDays() {
        return minDays;
    }

    public int maxDays() {
        return maxDays;
    }
}
