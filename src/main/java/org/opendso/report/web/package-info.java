/** The reports' JSON and CSV endpoints under {@code /api/v1/reports} and {@code /api/v1/dashboard}. */
package org.opendso.report.web;
