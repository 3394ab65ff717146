/** The live cash forecast: what customers are expected to pay, week by week and month by month, and how right it was. */
package org.opendso.forecast;
