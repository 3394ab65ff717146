package org.opendso.customer;

/** A staff member assigned to a customer, as collector or sales manager. */
public record Assignee(long userId, String login, String name, AssignmentRole role) {
}
