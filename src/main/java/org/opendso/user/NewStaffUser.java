package org.opendso.user;

import org.opendso.security.Role;

/** What an administrator gives to create a staff member. */
public record NewStaffUser(String login, String name, String email, Role role, String locale, String password) {
}
