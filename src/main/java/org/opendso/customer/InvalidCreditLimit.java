package org.opendso.customer;

/** A credit limit that cannot be stored (negative, too many digits); the field is {@code creditLimit}. */
public class InvalidCreditLimit extends IllegalArgumentException {

    public InvalidCreditLimit(String message) {
        super(message);
    }
}
