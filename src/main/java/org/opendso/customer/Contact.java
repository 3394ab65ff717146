package org.opendso.customer;

/** A person at a customer; one of them may be the collection contact. */
public record Contact(Long id, long customerId, String name, String role, String email, String phone,
                      boolean collectionContact, long version) {

    public static Contact blank(long customerId) {
        return new Contact(null, customerId, "", "", "", "", false, 0);
    }
}
