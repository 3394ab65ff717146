package org.opendso.template;

/** No such customer account for the caller: unknown, another company's, or not assigned to them (not disclosed which). */
public class UnknownCustomer extends IllegalArgumentException {

    public UnknownCustomer(String account) {
        super("No customer account '" + account + "' for you");
    }
}
