// The spec diff, written for two readers: a terminal table for the person
// running it, and Markdown for the pull-request comment and changelog.
import type { Bump } from "@dingtalk-conference/release-plan";
import { bumpFor, type ChangeKind, clientPackage, type SpecChange } from "./compare-specs.js";

const kinds: readonly ChangeKind[] = ["breaking", "non-breaking", "annotation"];

const count = (changes: readonly SpecChange[], kind: ChangeKind) =>
  changes.filter((change) => change.kind === kind).length;

/** "2 breaking, 1 non-breaking, 0 annotation changes", or "no changes". */
export function summarize(changes: readonly SpecChange[]): string {
  if (changes.length === 0) return "no changes";
  return `${kinds.map((kind) => `${count(changes, kind)} ${kind}`).join(", ")} change${changes.length === 1 ? "" : "s"}`;
}

export function formatTable(changes: readonly SpecChange[]): string {
  if (changes.length === 0) return "The spec did not change.";
  const rows = [["KIND", "JSON PATH", "REASON"], ...changes.map((c) => [c.kind, c.path, c.reason])];
  const kindWidth = Math.max(...rows.map((row) => (row[0] ?? "").length));
  const pathWidth = Math.max(...rows.map((row) => (row[1] ?? "").length));
  return rows
    .map(([kind = "", path = "", reason = ""]) =>
      `${kind.padEnd(kindWidth)}  ${path.padEnd(pathWidth)}  ${reason}`.trimEnd(),
    )
    .join("\n");
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function formatMarkdown(changes: readonly SpecChange[], baseNote: string): string {
  const lines = [
    "## Spec diff",
    "",
    `\`spec/openapi.yaml\` compared with ${baseNote}: **${summarize(changes)}**.`,
    "",
  ];
  if (changes.length > 0) {
    lines.push("| kind | JSON path | reason |", "| --- | --- | --- |");
    for (const change of changes) {
      lines.push(`| ${change.kind} | \`${cell(change.path)}\` | ${cell(change.reason)} |`);
    }
    lines.push(
      "",
      "### Suggested changeset",
      "",
      "```md",
      changesetSuggestion(changes).trimEnd(),
      "```",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The semver bump a client user needs to be told about. */
export function requiredBump(changes: readonly SpecChange[]): Bump {
  // `kinds` runs from the largest bump down: the first kind present decides.
  const kind = kinds.find((each) => count(changes, each) > 0) ?? "annotation";
  return bumpFor[kind];
}

/**
 * A changeset whose summary names the diff's summary and its non-annotation
 * reasons, so the client's changelog says what changed in the API.
 */
export function changesetSuggestion(changes: readonly SpecChange[]): string {
  const reasons = [
    ...new Set(
      changes.filter((c) => c.kind !== "annotation").map((c) => `- ${c.kind}: ${c.reason}`),
    ),
  ];
  return [
    "---",
    `"${clientPackage}": ${requiredBump(changes)}`,
    "---",
    "",
    `Spec change: ${summarize(changes)}.`,
    ...(reasons.length > 0 ? ["", ...reasons] : []),
    "",
  ].join("\n");
}
