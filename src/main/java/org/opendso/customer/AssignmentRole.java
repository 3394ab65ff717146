package org.opendso.customer;

/** In which capacity a staff member is assigned to a customer. */
public enum AssignmentRole {
    COLLECTOR, SALES_MANAGER
}
