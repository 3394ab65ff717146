/**
 * The event log of each customer account and its delivery to every viewer: events are written in the
 * transaction of the change, announced by NOTIFY on commit, and streamed replay-then-live (see ARCHITECTURE.md).
 */
package org.opendso.realtime;
