package org.opendso.alert;

/**
 * A rule as a company set it. In a change, {@code enabled} or {@code days} null keeps the current value;
 * {@code days} is null for a rule without a parameter.
 */
public record RuleSetting(AlertRule rule, Boolean enabled, Integer days) {
}
