/** Where the data lives: one PostgreSQL URL, or an embedded PostgreSQL when none is configured. */
package org.opendso.database;
