package org.opendso.scenario;

/** Who a step addresses: the customer's collection contact, all its contacts, or one user of the company. */
public enum Recipient {
    COLLECTION_CONTACT, ALL_CONTACTS, INTERNAL_USER
}
