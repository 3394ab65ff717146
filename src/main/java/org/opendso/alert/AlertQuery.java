package org.opendso.alert;

/** A page of a user's notifications; {@code account} null: every account the user sees. */
public record AlertQuery(AlertState state, String account, int page, int size) {

    public static AlertQuery of(AlertState state) {
        return new AlertQuery(state, null, 0, 100);
    }
}
