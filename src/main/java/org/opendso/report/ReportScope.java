package org.opendso.report;

import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Which rows of the pre-aggregates a report reads (decision 0019). A user who sees every account (an administrator,
 * a collector of a company letting collectors see all) with no account filter reads the company's totals: the
 * total rows (customer 0) or {@code report_item_totals}. Someone who sees only their assigned accounts reads from
 * their assignments outwards, so the cost follows their book, not the company's. Everyone else joins the
 * per-account rows to {@code customer c} under the filter's condition. The currency is always set.
 */
record ReportScope(Staff staff, ReportFilter filter, boolean seesAll) {

    /** Every account the company has, unfiltered. */
    boolean wholeCompany() {
        return seesAll && filter.collectorId() == null && filter.salesManagerId() == null
                && filter.scenarioId() == null && filter.customer() == null;
    }

    private boolean assignedOnly() {
        return !seesAll;
    }

    /** {@code from ... where ...} over a per-account table (tenant_id, customer_id, currency) with total rows. */
    String rows(String table, String alias) {
        if (wholeCompany()) {
            return ("from %1$s %2$s where %2$s.tenant_id = :v_tenant and %2$s.currency = :f_currency"
                    + " and %2$s.customer_id = 0 and " + EVERY_NAME).formatted(table, alias);
        }
        return accounts(table, alias);
    }

    /** {@code from ... where ...} over the item figures (by account and status), or the company's totals of them. */
    String itemFigures(String alias) {
        if (wholeCompany()) {
            return ("from report_item_totals %1$s where %1$s.tenant_id = :v_tenant and %1$s.currency = :f_currency and "
                    + EVERY_NAME).formatted(alias);
        }
        return accounts("report_item_figures", alias);
    }

    /** {@code from ... where ...} over the rows of the accounts of the filter, joined to {@code customer c}. */
    String accounts(String table, String alias) {
        if (assignedOnly()) {
            return ("from customer_assignment va join customer c on c.id = va.customer_id"
                    + " join %1$s %2$s on %2$s.customer_id = c.id and %2$s.tenant_id = :v_tenant and %2$s.currency = :f_currency"
                    + " where va.tenant_id = :v_tenant and va.user_id = :v_user and %3$s")
                    .formatted(table, alias, filter.customerCondition());
        }
        return ("from %1$s %2$s join customer c on c.id = %2$s.customer_id where %2$s.tenant_id = :v_tenant"
                + " and %2$s.currency = :f_currency and %3$s").formatted(table, alias, filter.customerCondition());
    }

    /**
     * {@code from ... where ...} over a per-account table without a join to the customers when the whole company is
     * asked for (counting its accounts reads an index only).
     */
    String everyAccount(String table, String alias) {
        if (wholeCompany()) {
            return ("from %1$s %2$s where %2$s.tenant_id = :v_tenant and %2$s.currency = :f_currency and "
                    + EVERY_NAME).formatted(table, alias);
        }
        return accounts(table, alias);
    }

    /**
     * {@code from ... where ...} over the per-account figures for the accounts of largest balance: the caller appends
     * {@code order by <alias>.outstanding desc, <alias>.customer_id limit :limit}. For the whole company the first
     * {@code :limit} rows are taken from the balance index before the join, so the cost does not follow the book.
     */
    String largest(String alias) {
        if (wholeCompany()) {
            return ("from (select * from report_customer_figures where tenant_id = :v_tenant and currency = :f_currency"
                    + " order by outstanding desc, customer_id limit :limit) %1$s join customer c on c.id = %1$s.customer_id"
                    + " where " + EVERY_NAME).formatted(alias);
        }
        return accounts("report_customer_figures", alias);
    }

    /**
     * The visibility parameters named where the condition is not needed (the whole company, for someone who sees
     * it): every bound name must appear in the statement.
     */
    private static final String EVERY_NAME = "(:v_admin or :v_collector or :v_user = 0)";

    GenericExecuteSpec bind(GenericExecuteSpec spec) {
        return filter.bind(spec, staff);
    }

    String currency() {
        return filter.currency();
    }

    static boolean seesAll(Staff staff, boolean collectorsSeeAll) {
        return staff.role() == Role.ADMIN || staff.role() == Role.COLLECTOR && collectorsSeeAll;
    }
}
