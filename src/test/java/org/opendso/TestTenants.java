package org.opendso;

import java.time.LocalDate;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.tenant.Companies;
import org.opendso.user.NewStaffUser;
import org.opendso.user.Users;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Creates extra tenants with their own users, customers and items for isolation tests. Tenant 1 is the demo
 * company. Test setup code, so waiting for the database is fine here.
 */
@Component
public class TestTenants {

    public static final String PASSWORD = "secret-pw";

    private final Companies companies;
    private final Users users;
    private final DatabaseClient db;

    TestTenants(Companies companies, Users users, DatabaseClient db) {
        this.companies = companies;
        this.users = users;
        this.db = db;
    }

    /** A tenant with an admin {@code <prefix>-admin}, a collector {@code <prefix>-collector} and one customer DEMO-001
     *  (the same reference as the demo tenant's, on purpose) holding invoice INV-1. */
    public Other create(String prefix) {
        long tenant = companies.create("Other " + prefix, "EUR", "fr").block();
        long admin = users.bootstrap(tenant, new NewStaffUser(prefix + "-admin", "Admin " + prefix, "", Role.ADMIN, "fr", PASSWORD)).block();
        long collector = users.bootstrap(tenant, new NewStaffUser(prefix + "-collector", "Collector " + prefix, "", Role.COLLECTOR, "en", PASSWORD)).block();
        long customer = db.sql("insert into customer (tenant_id, account, name) values (:t, 'DEMO-001', 'Secret Customer of " + prefix + "') returning id")
                .bind("t", tenant).map((r, m) -> r.get("id", Long.class)).one().block();
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (:t, :c, 'INVOICE', 'INV-1', :issue, :due, 999.99, 999.99, 'EUR')""")
                .bind("t", tenant).bind("c", customer)
                .bind("issue", LocalDate.now().minusDays(60)).bind("due", LocalDate.now().minusDays(30))
                .then().block();
        return new Other(tenant, customer,
                new Staff(tenant, admin, prefix + "-admin", "Admin " + prefix, Role.ADMIN, "fr"),
                new Staff(tenant, collector, prefix + "-collector", "Collector " + prefix, Role.COLLECTOR, "en"));
    }

    public record Other(long tenantId, long customerId, Staff admin, Staff collector) {
    }

    /** Demo tenant staff as services see them. */
    public Staff demo(String login) {
        return db.sql("select id, tenant_id, login, name, role, locale from app_user where login = :l")
                .bind("l", login)
                .map((r, m) -> new Staff(r.get("tenant_id", Long.class), r.get("id", Long.class), r.get("login", String.class),
                        r.get("name", String.class), Role.valueOf(r.get("role", String.class)), r.get("locale", String.class)))
                .one().block();
    }
}
