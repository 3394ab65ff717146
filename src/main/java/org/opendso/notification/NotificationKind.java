package org.opendso.notification;

/** Why a user is notified. */
public enum NotificationKind {
    /** Items of an account the user is assigned to as sales manager got a status of category DISPUTE. */
    DISPUTE_RAISED,
    /** Someone else gave the user a specific action (created it, or made them its resolver). */
    ACTION_ASSIGNED,
    /** Someone else reassigned a collection action to the user. */
    COLLECTION_ACTION_ASSIGNED
}
