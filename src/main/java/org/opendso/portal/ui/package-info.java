/** The portal page customers open from their link, and the Portal tab of the customer sheet. */
package org.opendso.portal.ui;
