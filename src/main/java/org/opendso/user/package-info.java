/** The staff of a tenant: administrators, collectors and sales managers. */
package org.opendso.user;
