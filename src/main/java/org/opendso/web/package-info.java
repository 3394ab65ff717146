/** The API's edge: WebFlux routes of every capability mounted at /api/* in the servlet container, problem details, OpenAPI. */
package org.opendso.web;
