package org.opendso.security;

/** What a staff member may do. */
public enum Role {
    ADMIN, COLLECTOR, SALES_MANAGER;

    public String authority() {
        return "ROLE_" + name();
    }
}
