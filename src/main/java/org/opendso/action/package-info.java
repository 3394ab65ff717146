/** Specific actions: work on particular items outside the collection scenario, which they exclude while open. */
package org.opendso.action;
