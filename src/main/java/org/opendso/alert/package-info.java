/** Alerts: rules a company switches on, evaluated set-based on a cluster-safe schedule and after changes, raising and clearing alerts on accounts. */
package org.opendso.alert;
