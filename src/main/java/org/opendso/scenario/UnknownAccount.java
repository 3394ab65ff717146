package org.opendso.scenario;

/** No such customer account for the caller: unknown, another tenant's, or not assigned to them (not disclosed which). */
public class UnknownAccount extends IllegalArgumentException {

    public UnknownAccount(String account) {
        super("No customer account '" + account + "' for you");
    }
}
