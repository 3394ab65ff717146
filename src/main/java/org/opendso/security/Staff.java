package org.opendso.security;

/** A logged-in member of a tenant's staff, as every service sees them. */
public record Staff(long tenantId, long userId, String login, String name, Role role, String locale) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
