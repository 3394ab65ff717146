package org.opendso.user;

import org.opendso.security.Role;

/** A staff member's account as administrators manage it. */
public record StaffUser(long id, String login, String name, String email, Role role, String locale,
                        boolean enabled, long version) {
}
