// The rendered reference (`pnpm run docs`) opened in Debian's Chromium from a
// loopback server, with every request off this machine refused: what a
// reviewer reads offline must show the operation, its conferenceId parameter,
// every request field and every error example of the spec.
import { execFile } from "node:child_process";
import { mkdir, readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { promisify } from "node:util";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dereference } from "../src/document.js";
import {
  invite,
  invitePath,
  isError,
  loadSpec,
  namedResponseExamples,
  type Spec,
  specDir,
} from "./support/spec-document.js";

const run = promisify(execFile);
const docsDir = join(specDir, "docs-dist");
const screenshotFile = join(specDir, "test-artifacts", "reference.png");
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The spec with every $ref inlined, as the page shows it. */
let spec: Spec;
let server: Server;
let browser: Browser;
let page: Page;
let operation: Locator;
const refused: string[] = [];

/** Builds the page unless turbo's `docs` task already made it from the current spec. */
async function ensureDocsBuilt(): Promise<void> {
  const built = await stat(join(docsDir, "index.html")).catch(() => undefined);
  const sources = await Promise.all(
    ["openapi.yaml", "redocly.yaml"].map((file) => stat(join(specDir, file))),
  );
  if (!built || sources.some((source) => source.mtimeMs > built.mtimeMs)) {
    await run("pnpm", ["run", "docs"], { cwd: specDir });
  }
}

/** Serves docs-dist/ read-only on a free loopback port. */
async function serveDocs(): Promise<string> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };
  server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path || "index.html";
    const body = await readFile(join(docsDir, file)).catch(() => undefined);
    const type = types[extname(file)] ?? "application/octet-stream";
    response.writeHead(body ? 200 : 404, { "content-type": body ? type : "text/plain" });
    response.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Every property name of a (dereferenced) schema, nested ones included, in document order. */
function propertyNames(schema: Spec): string[] {
  if (schema.items) return propertyNames(schema.items);
  return Object.entries((schema.properties ?? {}) as Spec).flatMap(([name, property]) => [
    name,
    ...propertyNames(property),
  ]);
}

const visible = async (locator: Locator) => {
  await locator.waitFor({ state: "visible" });
  return locator.isVisible();
};

beforeAll(async () => {
  spec = dereference(loadSpec()) as Spec;
  await ensureDocsBuilt();
  const url = await serveDocs();
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
  // Offline on purpose: anything the page asks of another host is refused and noted.
  await page.route("**/*", (route) => {
    if (route.request().url().startsWith(url)) return route.continue();
    refused.push(route.request().url());
    return route.abort();
  });
  await page.goto(url);
  // Reach the operation as a reader does: its tag, then its summary, in the sidebar.
  await page.getByText(invite(spec).tags[0], { exact: true }).first().click();
  await page.getByText(invite(spec).summary, { exact: true }).first().click();
  operation = page.locator("[data-item-kind='httpItem']").filter({
    has: page.getByRole("heading", { name: invite(spec).summary }),
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("the rendered reference", () => {
  it("shows the operation, its path, its required permission and the conferenceId parameter", async () => {
    const middle = operation.getByTestId("middle-panel");
    expect(await visible(operation.getByRole("heading", { name: invite(spec).summary }))).toBe(
      true,
    );
    expect(await visible(operation.getByText(invitePath).first())).toBe(true);
    expect(await visible(middle.getByText(invite(spec)["x-required-permission"]).first())).toBe(
      true,
    );
    const conferenceId = invite(spec).parameters[0];
    expect(await visible(middle.getByText(conferenceId.name, { exact: true }).first())).toBe(true);
  });

  it("shows every request field, nested ones once expanded", async () => {
    const fields = propertyNames(invite(spec).requestBody.content["application/json"].schema);
    expect(fields).toContain("nick");
    await operation.getByTestId("schema-expand-all-button").first().click();
    const middle = operation.getByTestId("middle-panel");
    for (const field of new Set(fields)) {
      expect(await visible(middle.getByText(field, { exact: true }).first()), field).toBe(true);
    }
  });

  it("shows every error example of the spec under its status", async () => {
    const errors = namedResponseExamples(spec).filter(
      (example) => isError(example) && example.operationId === invite(spec).operationId,
    );
    expect(errors.length).toBeGreaterThan(0);
    const responses = operation.getByTestId("right-panel").filter({ hasText: "Response" }).last();
    for (const example of errors) {
      await responses.getByRole("button", { name: example.status, exact: true }).click();
      const chooser = responses.getByRole("button", { name: "Example" });
      if ((await chooser.count()) > 0 && (await chooser.textContent()) !== example.summary) {
        await chooser.click();
        await page.getByRole("menuitem", { name: example.summary, exact: true }).click();
      }
      const json = responses.getByTestId("json-viewer");
      expect(await visible(json), example.name).toBe(true);
      // Nested values start collapsed ("[ … ]"): open them before reading the JSON.
      const readJson = async () => {
        const expandAll = json.getByTestId("expand-all");
        if ((await expandAll.count()) > 0) await expandAll.click();
        return JSON.parse((await json.getByTestId("source-code").textContent()) ?? "");
      };
      await expect.poll(readJson, { message: example.name }).toEqual(example.value);
    }
  });

  it("renders with every request to another host refused, and saves a screenshot", async () => {
    await mkdir(join(specDir, "test-artifacts"), { recursive: true });
    // The operation as the tests left it: fields expanded, the last error example shown.
    const png = await operation.screenshot({ path: screenshotFile });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // Only Redocly's "API docs by" badge image asks the network; it hides itself when refused.
    expect(refused.every((url) => url.startsWith("https://cdn.redoc.ly/redoc/logo"))).toBe(true);
  });
});
