// The review page: what changed against the base ref, every documented
// response with the Prefer header that asks the mock for it, and the reference
// with its try-it console sending to the mock.
import { type DocumentedResponse, describeResponse, preferHeader } from "@dingtalk-conference/mock";
import { escapeHtml, referenceMarkup } from "./reference.js";
import type { ChangesReport } from "./spec-changes.js";

export interface ReviewPageInput {
  changes: ChangesReport;
  responses: readonly DocumentedResponse[];
  /** Scalar's configuration, the mock listed as first server. */
  referenceConfiguration: unknown;
  bundleSrc: string;
}

const kinds = ["breaking", "non-breaking", "annotation"] as const;

function changesSection({ against, changes }: ChangesReport): string {
  const heading = `<h2>Changes against ${escapeHtml(against)}</h2>`;
  if (changes.length === 0) return `<section id="changes">${heading}<p>No changes</p></section>`;
  const groups = kinds.map((kind) => {
    const ofKind = changes.filter((change) => change.kind === kind);
    const items = ofKind.map((change) => {
      const cover = change.coveredBy.length
        ? `covered by ${change.coveredBy.map((id) => `.changeset/${id}.md`).join(", ")}`
        : `no changeset covers it (needs a ${change.needs} bump)`;
      return [
        `<li data-kind="${kind}" data-covered="${change.coveredBy.length > 0}">`,
        `<code class="pointer">${escapeHtml(change.path)}</code>`,
        `<span class="reason">${escapeHtml(change.reason)}</span>`,
        `<span class="coverage">${escapeHtml(cover)}</span>`,
        "</li>",
      ].join("");
    });
    return `<h3>${kind} (${ofKind.length})</h3>${items.length ? `<ul>${items.join("")}</ul>` : ""}`;
  });
  return `<section id="changes">${heading}${groups.join("")}</section>`;
}

function responsesSection(responses: readonly DocumentedResponse[]): string {
  const items = responses.map(
    (response) =>
      `<li><span class="response">${escapeHtml(describeResponse(response))}</span>: <code>Prefer: ${escapeHtml(preferHeader(response))}</code></li>`,
  );
  return [
    `<section id="responses"><h2>Documented responses</h2>`,
    "<p>Add the <code>Prefer</code> header in the console below to get that response from the mock.</p>",
    `<ul>${items.join("")}</ul></section>`,
  ].join("");
}

const style = `
  .review { font: 14px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem 2rem; }
  .review code { font: 12px ui-monospace, monospace; background: #f3f3f3; padding: 0 .25em; }
  .review li { margin: .25rem 0; }
  .review li[data-kind] { display: flex; flex-direction: column; }
  .review li[data-kind="breaking"] .reason { color: #a00; }
  .review li[data-covered="false"] .coverage { font-weight: 600; }
`;

export function reviewPage(input: ReviewPageInput): string {
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>Spec review</title><style>${style}</style></head><body>`,
    `<main class="review">`,
    changesSection(input.changes),
    responsesSection(input.responses),
    "</main>",
    referenceMarkup(input.referenceConfiguration, input.bundleSrc),
    "</body></html>",
  ].join("\n");
}
