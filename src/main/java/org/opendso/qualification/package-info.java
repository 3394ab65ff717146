/** Qualification: setting a status, date and comment on items, with an optional confirmation mail and next action. */
package org.opendso.qualification;
