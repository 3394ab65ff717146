/** The REST edge of specific actions: create, list, edit, complete and cancel them. */
package org.opendso.action.web;
