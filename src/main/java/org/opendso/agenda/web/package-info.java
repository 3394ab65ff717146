/** The agenda's REST edge: {@code /api/v1/agenda} and {@code /api/v1/actions}. */
package org.opendso.agenda.web;
