/** {@code /api/v1/alerts} and {@code /api/v1/settings/alerts}. */
package org.opendso.alert.web;
