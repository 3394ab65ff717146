/** The portal's REST edge: links, submissions, documents and the link settings. */
package org.opendso.portal.web;
