// The review page as HTML, built without a browser: what it says when nothing
// changed, and that no text from the spec or git can end up as markup.
import { type DocumentedResponse, documentedResponses } from "@dingtalk-conference/mock";
import { loadSpec } from "@dingtalk-conference/spec/document";
import { describe, expect, it } from "vitest";
import { reviewPage } from "../src/review-page.js";
import type { ChangesReport, ReviewedChange } from "../src/spec-changes.js";

const against = "the merge base with main (1c62924)";
const injected = `<img src=x onerror="alert('pwned')">&`;
const escapedInjected = "&#60;img src=x onerror=&#34;alert(&#39;pwned&#39;)&#34;&#62;&#38;";

const responses = documentedResponses(loadSpec());

function page(
  changes: ChangesReport,
  listed: readonly DocumentedResponse[] = [],
  configuration: unknown = {},
) {
  return reviewPage({
    changes,
    responses: listed,
    referenceConfiguration: configuration,
    bundleSrc: "/scalar/standalone.js",
  });
}

const change = (overrides: Partial<ReviewedChange>): ReviewedChange => ({
  kind: "breaking",
  path: "/components/schemas/InviteUsersResponse/required/0",
  reason: "a required property is no longer required",
  needs: "major",
  coveredBy: [],
  ...overrides,
});

/** The JSON in the page's configuration element, read as a browser reads it: up to the first `</script>`. */
const configurationIn = (html: string) =>
  JSON.parse(
    /<script id="reference-configuration" type="application\/json">(.*?)<\/script>/s.exec(
      html,
    )?.[1] ?? "null",
  );

describe("reviewPage", () => {
  it('says "No changes" under the heading naming the base when nothing changed', () => {
    const html = page({ against, changes: [] });
    expect(html).toContain(
      `<section id="changes"><h2>Changes against ${against}</h2><p>No changes</p></section>`,
    );
    expect(html).not.toContain("<li data-kind");
  });

  it("lists each change under its kind with its pointer and what covers it", () => {
    const html = page({
      against,
      changes: [
        change({}),
        change({
          kind: "non-breaking",
          path: "/paths/~1v1.0~1x/post",
          reason: "an operation was added",
          needs: "minor",
          coveredBy: ["brave-lions-sing"],
        }),
      ],
    });
    expect(html).not.toContain("No changes");
    expect(html).toContain("<h3>breaking (1)</h3>");
    expect(html).toContain("<h3>non-breaking (1)</h3>");
    expect(html).toContain("<h3>annotation (0)</h3>");
    expect(html).toContain(
      '<li data-kind="breaking" data-covered="false"><code class="pointer">/components/schemas/InviteUsersResponse/required/0</code><span class="reason">a required property is no longer required</span><span class="coverage">no changeset covers it (needs a major bump)</span></li>',
    );
    expect(html).toContain(
      '<li data-kind="non-breaking" data-covered="true"><code class="pointer">/paths/~1v1.0~1x/post</code><span class="reason">an operation was added</span><span class="coverage">covered by .changeset/brave-lions-sing.md</span></li>',
    );
  });

  it("lists each documented response with the Prefer header that makes the mock answer with it", () => {
    const html = page({ against, changes: [] }, responses);
    const unknownUser = responses.find((response) => response.exampleName === "unknownUserError");
    expect(unknownUser?.summary).toBeTruthy();
    expect(html).toContain(
      `<li><span class="response">inviteUsers 400 unknownUserError — ${unknownUser?.summary}</span>: <code>Prefer: code=400, example=unknownUserError</code></li>`,
    );
    expect(html.match(/<li><span class="response">/g)).toHaveLength(responses.length);
  });

  it("escapes the text of changes, refs and responses, so none of it becomes markup", () => {
    const first = responses[0] as DocumentedResponse;
    const html = page(
      {
        against: `ref ${injected}`,
        changes: [change({ path: `/info/${injected}`, reason: `reason ${injected}` })],
      },
      [{ ...first, exampleName: injected, summary: injected }],
    );
    expect(html).not.toContain("<img");
    expect(html).toContain(`<h2>Changes against ref ${escapedInjected}</h2>`);
    expect(html).toContain(`<code class="pointer">/info/${escapedInjected}</code>`);
    expect(html).toContain(`<span class="reason">reason ${escapedInjected}</span>`);
    expect(html).toContain(`${escapedInjected} — ${escapedInjected}</span>`);
    expect(html).toContain(`<code>Prefer: code=${first.status}, example=${escapedInjected}</code>`);
  });

  it("keeps the reference's configuration whole when the spec's text holds </script>", () => {
    const configuration = {
      content: { info: { title: "</script><script>alert(1)</script>", description: injected } },
    };
    const html = page({ against, changes: [] }, [], configuration);
    expect(configurationIn(html)).toEqual(configuration);
    expect(html.match(/<script/g)).toHaveLength(3);
  });
});
