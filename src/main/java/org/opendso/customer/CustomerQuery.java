package org.opendso.customer;

/**
 * A search of the customer list: free text on account or name, optional assignee filters, overdue only,
 * a sort and a page window.
 */
public record CustomerQuery(
        String text,
        Long collectorId,
        Long salesManagerId,
        boolean overdueOnly,
        Sort sort,
        boolean descending,
        int offset,
        int limit) {

    public enum Sort { ACCOUNT, NAME, BALANCE, OVERDUE, OLDEST_OVERDUE }

    public CustomerQuery {
        sort = sort == null ? Sort.ACCOUNT : sort;
        offset = Math.max(0, offset);
        limit = limit <= 0 ? 50 : Math.min(limit, 500);
    }

    public static CustomerQuery text(String text) {
        return new CustomerQuery(text, null, null, false, Sort.ACCOUNT, false, 0, 50);
    }

    public CustomerQuery page(int newOffset, int newLimit) {
        return new CustomerQuery(text, collectorId, salesManagerId, overdueOnly, sort, descending, newOffset, newLimit);
    }

    public CustomerQuery sorted(Sort newSort, boolean newDescending) {
        return new CustomerQuery(text, collectorId, salesManagerId, overdueOnly, newSort, newDescending, offset, limit);
    }
}
