/** The forecast's JSON and CSV endpoint, {@code /api/v1/reports/forecast}. */
package org.opendso.forecast.web;
