/** The REST edge of a user's notifications and notification settings ({@code /api/v1/me/...}). */
package org.opendso.notification.web;
