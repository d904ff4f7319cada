// The spec's reference as Scalar renders it: one configuration for both pages
// that show it, the review page (`pnpm review`, try-it console on the mock)
// and the static page (`pnpm run docs`), so they cannot drift apart.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Scalar's browser bundle, self-contained: it loads no chunk, font or script from elsewhere. */
export const scalarBundlePath = join(
  // The bundle is not in the package's exports map; its entry point sits beside it.
  dirname(createRequire(import.meta.url).resolve("@scalar/api-reference")),
  "browser",
  "standalone.js",
);

type Document = Record<string, unknown> & { servers?: unknown[]; components?: unknown };
type SecuritySchemes = Record<string, { type?: string; in?: string }>;

export interface ReferenceOptions {
  /** The mock the try-it console sends to (its one server), and the placeholder token it opens with. */
  tryIt?: { mockUrl: string; accessToken: string };
}

/**
 * Scalar's configuration for the spec. Everything that would reach past this
 * machine, or that a spec review has no use for, is off: Scalar's web fonts,
 * telemetry, AI agent, MCP generator and hosted developer tools.
 */
export function scalarConfiguration(spec: Document, options: ReferenceOptions = {}) {
  const schemes = ((spec.components as { securitySchemes?: SecuritySchemes } | undefined)
    ?.securitySchemes ?? {}) as SecuritySchemes;
  const headerKeys = Object.keys(schemes).filter(
    (name) => schemes[name]?.type === "apiKey" && schemes[name]?.in === "header",
  );
  const { tryIt } = options;
  // The mock is the console's only server: with the spec's hosts beside it,
  // one click would send the placeholder token to DingTalk.
  const servers = tryIt
    ? [{ url: tryIt.mockUrl, description: "The local mock (Prism) pnpm review started" }]
    : spec.servers;
  return {
    content: { ...spec, servers },
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: "never",
    // Without a mock, a try-it console would send to DingTalk itself.
    hideClientButton: tryIt === undefined,
    hideTestRequestButton: tryIt === undefined,
    ...(tryIt && headerKeys.length > 0
      ? {
          authentication: {
            preferredSecurityScheme: headerKeys[0],
            securitySchemes: Object.fromEntries(
              headerKeys.map((name) => [name, { value: tryIt.accessToken }]),
            ),
          },
        }
      : {}),
  };
}

/** JSON inside a <script> element: `<` escaped so no `</script>` in the spec can end it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The markup that mounts Scalar on `#reference` with this configuration. */
export function referenceMarkup(configuration: unknown, bundleSrc: string): string {
  return [
    `<div id="reference"></div>`,
    `<script id="reference-configuration" type="application/json">${scriptJson(configuration)}</script>`,
    `<script src="${escapeHtml(bundleSrc)}"></script>`,
    "<script>",
    "  Scalar.createApiReference(",
    `    "#reference",`,
    `    JSON.parse(document.getElementById("reference-configuration").textContent),`,
    "  );",
    "</script>",
  ].join("\n");
}
