package org.opendso.item;

/** What an open item is. Credit notes and unallocated payments are stored with negative amounts. */
public enum ItemType {
    INVOICE, CREDIT_NOTE, UNALLOCATED_PAYMENT
}
