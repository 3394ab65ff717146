/** Item statuses: the qualifications collectors put on items, grouped in five categories. */
package org.opendso.status;
