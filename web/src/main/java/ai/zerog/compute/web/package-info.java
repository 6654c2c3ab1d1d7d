/**
 * The web UI behind {@code 0g-compute-cli ui start-web}: static pages (plain HTML, CSS and ES
 * modules, no third-party browser code) and a small local JSON API over the SDK. The server binds
 * to loopback only; the local identity's key stays in this process, a browser wallet signs in
 * the page. Entry point: {@link ai.zerog.compute.web.WebUiServer}.
 */
package ai.zerog.compute.web;
