package org.opendso.report;

import java.util.ArrayList;
import java.util.List;
import org.opendso.customer.Visibility;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * What a report is about: the customers a user sees (always), narrowed by collector, sales manager, scenario and
 * customer account, and items of one currency. Every report and the forecast read their rows through
 * {@link #customerCondition()} (customer alias {@code c}) and {@link #itemCondition(String)}; {@link #bind} binds both.
 */
public record ReportFilter(Long collectorId, Long salesManagerId, Long scenarioId, String currency, String customer) {

    public static final ReportFilter ALL = new ReportFilter(null, null, null, null, null);

    public ReportFilter {
        currency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(java.util.Locale.ROOT);
        customer = customer == null || customer.isBlank() ? null : customer.strip();
    }

    public ReportFilter withCurrency(String newCurrency) {
        return new ReportFilter(collectorId, salesManagerId, scenarioId, newCurrency, customer);
    }

    public ReportFilter withCustomer(String account) {
        return new ReportFilter(collectorId, salesManagerId, scenarioId, currency, account);
    }

    /** The customers of the report, as a SQL condition on alias {@code c}: visibility first, then the filters set. */
    public String customerCondition() {
        List<String> where = new ArrayList<>();
        where.add("(" + Visibility.CONDITION + ")");
        if (collectorId != null) {
            where.add("exists (select 1 from customer_assignment rf where rf.customer_id = c.id"
                    + " and rf.user_id = :f_collector and rf.role = 'COLLECTOR')");
        }
        if (salesManagerId != null) {
            where.add("exists (select 1 from customer_assignment rf where rf.customer_id = c.id"
                    + " and rf.user_id = :f_sales_manager and rf.role = 'SALES_MANAGER')");
        }
        if (scenarioId != null) {
            // an account without a scenario of its own follows the company's default one
            where.add("coalesce(c.scenario_id, (select s.id from scenario s where s.tenant_id = c.tenant_id"
                    + " and s.is_default)) = :f_scenario");
        }
        if (customer != null) {
            where.add("lower(c.account) = lower(:f_customer)");
        }
        return String.join(" and ", where);
    }

    /** The items of the report, as a SQL condition on the given item alias: the currency when one is set. */
    public String itemCondition(String itemAlias) {
        return currency == null ? "true" : itemAlias + ".currency = :f_currency";
    }

    /** Binds what {@link #customerCondition()} and {@link #itemCondition(String)} name. */
    public GenericExecuteSpec bind(GenericExecuteSpec spec, Staff staff) {
        GenericExecuteSpec out = Visibility.bind(spec, staff);
        if (collectorId != null) {
            out = out.bind("f_collector", collectorId);
        }
        if (salesManagerId != null) {
            out = out.bind("f_sales_manager", salesManagerId);
        }
        if (scenarioId != null) {
            out = out.bind("f_scenario", scenarioId);
        }
        if (customer != null) {
            out = out.bind("f_customer", customer);
        }
        if (currency != null) {
            out = out.bind("f_currency", currency);
        }
        return out;
    }
}
