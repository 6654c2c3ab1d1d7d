/** The web UI: static pages served offline and a local JSON API over the SDK (helper in progress). */
package ai.zerog.compute.web;
