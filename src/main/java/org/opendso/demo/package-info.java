/** First start: a demo company to try OpenDSO with, or an empty company with its administrator. */
package org.opendso.demo;
