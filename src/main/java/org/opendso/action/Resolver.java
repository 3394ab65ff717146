package org.opendso.action;

import org.opendso.security.Role;

/** A user who may resolve a specific action on an account: active, of the tenant, and seeing the account. */
public record Resolver(long id, String login, String name, Role role) {
}
