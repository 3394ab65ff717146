/**
 * The event streams' doors for other programs: Server-Sent Events under /api/v1 and an RSocket request-stream,
 * both resumable from the last event seen.
 */
package org.opendso.realtime.web;
