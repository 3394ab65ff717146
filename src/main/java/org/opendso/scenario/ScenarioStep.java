package org.opendso.scenario;

/**
 * One step of a scenario: done {@code offsetDays} after the due date of the account's oldest overdue item
 * (negative: before it). {@code template} is a template code, for emails and letters only; {@code user} is the
 * login of the user an {@link Recipient#INTERNAL_USER} step goes to. As a draft, {@code position} is ignored
 * (the order of the list is the order of the steps) and a null recipient or mode means the default.
 */
public record ScenarioStep(
        int position,
        int offsetDays,
        StepKind kind,
        String template,
        Recipient recipient,
        String user,
        StepMode mode,
        String label) {

    public static ScenarioStep of(int offsetDays, StepKind kind, String template) {
        return new ScenarioStep(0, offsetDays, kind, template, Recipient.COLLECTION_CONTACT, null, StepMode.MANUAL, "");
    }
}
