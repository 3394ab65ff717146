/** The penalty settings' screens: the ECB rates a company's statutory penalty rate uses. */
package org.opendso.penalty.ui;
