/** Collection scenarios: the ordered steps by which an account is chased, and which scenario each account follows. */
package org.opendso.scenario;
