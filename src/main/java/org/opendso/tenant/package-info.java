/** A company using OpenDSO and its settings (name, address, logo, currency, late-payment penalties, language). */
package org.opendso.tenant;
