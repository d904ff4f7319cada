// `pnpm review` end to end in Debian's Chromium: the page of a scratch branch
// that made a breaking change, and its try-it console sending to the mock.
// Every request the page makes off this machine is refused and recorded.
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { documentedResponses, exampleAccessToken, preferHeader } from "@dingtalk-conference/mock";
import {
  examplePathParams,
  expandPath,
  loadSpec,
  type Operation,
  operationsOf,
  requestExamplesOf,
  specPath,
} from "@dingtalk-conference/spec/document";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createReviewRepo,
  makeSuccessOptional,
  type ReviewRepo,
  type RunningCli,
  startCli,
  successOptionalPointer,
} from "../support/scratch-repo.js";

const artifacts = join(dirname(specPath), "test-artifacts");
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
];
/** Scalar renders a large document in a busy browser: wait for what it shows, generously. */
const shown = { timeout: 45_000 };

const spec = loadSpec();
const invite = operationsOf(spec).find(
  (operation) => operation.operationId === "inviteUsers",
) as Operation;
const invitePath = expandPath(invite.pathTemplate, examplePathParams(invite));

let scratch: ReviewRepo;
let review: RunningCli;
let browser: Browser;
let page: Page;
/** Every request the page made to a host other than this machine: fonts, telemetry, CDNs. */
const offMachine: string[] = [];

const isLoopback = (url: string) =>
  /^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url);

beforeAll(async () => {
  scratch = await createReviewRepo();
  await scratch.editSpec(makeSuccessOptional);
  await scratch.commitAll("make success optional");
  [review, browser] = await Promise.all([
    startCli(scratch.dir),
    chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs }),
  ]);
  await mkdir(artifacts, { recursive: true });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(shown.timeout);
  await page.route("**/*", (route) => {
    if (isLoopback(route.request().url())) return route.continue();
    offMachine.push(route.request().url());
    return route.abort();
  });
  // Routing sees HTTP only; a WebSocket is recorded when it opens.
  page.on("websocket", (socket) => {
    if (!isLoopback(socket.url())) offMachine.push(socket.url());
  });
  await page.goto(review.url);
});

afterAll(async () => {
  await browser?.close();
  await review?.stop();
  await scratch?.remove();
});

/** The try-it console of the invite operation, opened from its "Test Request" button. */
async function openConsole(): Promise<Locator> {
  const client = page.getByRole("dialog");
  if (!(await client.isVisible())) {
    await page
      .getByRole("button")
      .filter({ hasText: `Test Request(${invite.method} ${invite.pathTemplate})` })
      .click();
  }
  await client.getByRole("button", { name: /^Send post request/ }).waitFor(shown);
  return client;
}

/** Presses Send and returns the mock's answer as the browser received it. */
async function send(client: Locator) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (answer) => answer.request().method() === "POST" && answer.url().endsWith(invitePath),
    ),
    client.getByRole("button", { name: /^Send post request/ }).click(),
  ]);
  return response;
}

describe("the review page", () => {
  it("lists the scratch branch's breaking change with its JSON pointer and no changeset covering it", async () => {
    const changes = page.locator("#changes");
    await expect(
      changes
        .getByRole("heading", { name: /^Changes against the merge base with main/ })
        .isVisible(),
    ).resolves.toBe(true);
    const breaking = changes
      .locator('li[data-kind="breaking"]')
      .filter({ hasText: successOptionalPointer });
    await breaking.waitFor(shown);
    expect(await breaking.locator(".coverage").textContent()).toBe(
      "no changeset covers it (needs a major bump)",
    );
  });

  it("lists every documented response with the Prefer header that produces it", async () => {
    const lines = page.locator("#responses li");
    const expected = documentedResponses(spec).map(
      (response) => `Prefer: ${preferHeader(response)}`,
    );
    expect(expected).toContain("Prefer: code=400, example=unknownUserError");
    await expect.poll(() => lines.locator("code").allTextContents()).toEqual(expected);
  });

  it("saves a screenshot of the page as a reviewer first sees it", async () => {
    // The top of the page: the changes, the documented responses and the reference's start.
    const png = await page.screenshot({ path: join(artifacts, "review-page.png") });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("sends the spec's request example from the console with a placeholder token, and shows 200", async () => {
    const client = await openConsole();
    const response = await send(client);
    expect(response.request().headers()["x-acs-dingtalk-access-token"]).toBe(exampleAccessToken);
    expect(response.request().postDataJSON()).toEqual(requestExamplesOf(invite)[0]?.value);
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ success: true });
    await client.getByText("200 OK").waitFor(shown);
  });

  it("sends it with the Prefer header for unknownUserError, and shows that 400", async () => {
    const prefer = preferHeader({ status: 400, exampleName: "unknownUserError" });
    const client = await openConsole();
    const headers = client.getByRole("table").filter({ hasText: "content-type" });
    const keys = headers.locator('[contenteditable][aria-label$="Key"]');
    const values = headers.locator('[contenteditable][aria-label$="Value"]');
    // A header is typed into the table's last, empty row; typing adds a new empty row below it.
    const row = (await keys.count()) - 1;
    await keys.nth(row).click();
    await page.keyboard.type("Prefer");
    // Scalar takes the row once it adds a new empty one below it.
    await expect.poll(() => keys.count(), shown).toBe(row + 2);
    expect(await keys.nth(row).textContent()).toBe("Prefer");
    await values.nth(row).click();
    await page.keyboard.type(prefer);
    await expect.poll(() => values.nth(row).textContent()).toBe(prefer);
    const response = await send(client);
    expect(response.request().headers().prefer).toBe(prefer);
    expect(response.status()).toBe(400);
    expect((await response.json()).code).toBe("unknownUserError");
    await client.getByText("400 Bad Request").waitFor(shown);
    await client.getByText('"unknownUserError"').first().waitFor(shown);
    await page.screenshot({ path: join(artifacts, "review-console.png") });
  });
});

describe("the page", () => {
  it("requests nothing off this machine: no fonts, telemetry or CDN", () => {
    expect(offMachine).toEqual([]);
  });
});
