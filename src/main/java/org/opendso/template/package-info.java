/** Email and letter templates: text with #Hashtags replaced by an account's live data, in English and French. */
package org.opendso.template;
