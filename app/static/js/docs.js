// Starts Swagger UI on the app's own OpenAPI document. A file of its own, not an inline script:
// the Content-Security-Policy allows scripts from this origin only.
const { SwaggerUIBundle } = /** @type {any} */ (window);
SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
