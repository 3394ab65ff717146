/** The application layout and the few widgets every view shares; it imports no feature. */
package org.opendso.ui;
