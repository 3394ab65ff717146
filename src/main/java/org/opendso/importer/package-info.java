/**
 * Smart Upload: imports customers, contacts and open items from messy ERP exports (upload, REST, watched
 * inbox) by streaming the file into a staging table with COPY and merging it set-based.
 */
package org.opendso.importer;
