/** Who is asking: staff logins (form, HTTP Basic, API tokens), roles, and the security chains. */
package org.opendso.security;
