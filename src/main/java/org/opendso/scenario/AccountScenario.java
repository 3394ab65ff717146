package org.opendso.scenario;

/**
 * The scenario a customer account follows. {@code followsDefault}: the account has no scenario of its own and
 * follows the company's default (so it moves along when another scenario becomes the default).
 */
public record AccountScenario(long customerId, String account, Scenario scenario, boolean followsDefault) {
}
