package org.opendso.agenda;

/**
 * What came of a collection call. The two where nobody answered ({@link #retries()}) keep the call in the agenda
 * for the next working day, a few times; every other one does the action.
 */
public enum CallOutcome {
    /** Spoke with the customer. */
    REACHED,
    /** The customer promised to pay (qualify the items with the promised date next). */
    PROMISED_TO_PAY,
    /** The customer disputes items (qualify them as a dispute next). */
    DISPUTED,
    /** Voicemail or a colleague took a message. */
    LEFT_MESSAGE,
    /** Nobody picked up. */
    NO_ANSWER,
    /** The number is not the customer's: the contact needs fixing, calling again would not help. */
    WRONG_NUMBER;

    public boolean retries() {
        return this == NO_ANSWER || this == LEFT_MESSAGE;
    }

    /** Whether the call calls for qualifying the items at once (a promise's date, a dispute's status). */
    public boolean qualifies() {
        return this == PROMISED_TO_PAY || this == DISPUTED;
    }
}
