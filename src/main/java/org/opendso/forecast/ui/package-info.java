/** The forecast page and its card on the finance dashboard, both following the company's changes live. */
package org.opendso.forecast.ui;
