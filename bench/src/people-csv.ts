import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** The CLI's documented CSV header (see `dingtalk-invite --help`). */
export const csvHeader = "unionId,phoneNumber,nick";

/** One CSV line per generated person: a DingTalk user with a unique unionId. */
export function personLine(index: number): string {
  return `benchUnionId${String(index).padStart(7, "0")},,Invitee ${index}`;
}

/** Writes a CSV of `count` people to `file`, streaming, so even a large list costs the bench little memory. */
export async function writePeopleCsv(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${csvHeader}\n`);
  for (let index = 0; index < count; index += 1) {
    if (!out.write(`${personLine(index)}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
