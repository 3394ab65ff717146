package org.opendso.report;

import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * Which rows of the pre-aggregates a report reads: the company's total (customer 0) when the report is about every
 * account, or the rows of the accounts of the filter, joined to {@code customer c}. The currency is always set.
 */
record ReportScope(Staff staff, ReportFilter filter) {

    /** An administrator without account filters sees the whole company: its total rows answer. */
    boolean wholeCompany() {
        return staff.isAdmin() && filter.collectorId() == null && filter.salesManagerId() == null
                && filter.scenarioId() == null && filter.customer() == null;
    }

    /**
     * {@code from <table> <alias> where ...} for a per-account table (tenant_id, customer_id, currency): the rows of
     * the accounts of the filter, joined to {@code customer c}; for the whole company, its total row (customer 0)
     * where the table keeps one, else every row without a join. (The visibility parameters are named even when the
     * condition is the administrator's: every bound name must appear.)
     */
    String rows(String table, String alias, boolean totalRows) {
        if (wholeCompany()) {
            return ("from %1$s %2$s where %2$s.tenant_id = :v_tenant and %2$s.currency = :f_currency"
                    + " and (:v_admin or :v_collector or :v_user = 0)"
                    + (totalRows ? " and %2$s.customer_id = 0" : "")).formatted(table, alias);
        }
        return ("from %1$s %2$s join customer c on c.id = %2$s.customer_id where %2$s.tenant_id = :v_tenant"
                + " and %2$s.currency = :f_currency and %3$s").formatted(table, alias, filter.customerCondition());
    }

    /** The rows of the accounts of the filter, joined to {@code customer c}: for lists of accounts. */
    String accounts(String table, String alias) {
        return ("from %1$s %2$s join customer c on c.id = %2$s.customer_id where %2$s.tenant_id = :v_tenant"
                + " and %2$s.currency = :f_currency and %3$s").formatted(table, alias, filter.customerCondition());
    }

    GenericExecuteSpec bind(GenericExecuteSpec spec) {
        return filter.bind(spec, staff);
    }

    String currency() {
        return filter.currency();
    }
}
