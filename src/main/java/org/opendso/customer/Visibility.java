package org.opendso.customer;

import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The one rule of who sees which customer, as a SQL condition on alias {@code c}: the tenant always;
 * then an admin sees all, a collector sees all when the tenant allows it, otherwise only assigned accounts.
 */
public final class Visibility {

    public static final String CONDITION = """
            c.tenant_id = :v_tenant and (
                :v_admin
                or (:v_collector and (select t.collectors_see_all from tenant t where t.id = :v_tenant))
                or exists (select 1 from customer_assignment a where a.customer_id = c.id and a.user_id = :v_user))""";

    private Visibility() {
    }

    public static GenericExecuteSpec bind(GenericExecuteSpec spec, Staff staff) {
        return spec.bind("v_tenant", staff.tenantId())
                .bind("v_admin", staff.role() == Role.ADMIN)
                .bind("v_collector", staff.role() == Role.COLLECTOR)
                .bind("v_user", staff.userId());
    }
}
