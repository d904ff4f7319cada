import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InviteUsersRequest } from "@dingtalk-conference/client";
import { specPath, startMock } from "@dingtalk-conference/mock";
import { parse } from "yaml";
import { main } from "./main.js";

/**
 * `pnpm demo`: starts the Prism mock of the spec, invites the spec's own request example
 * (operator, one user, one phone invitee) through the CLI, prints its summary, stops Prism.
 */

/** The few parts of an OpenAPI document this demo reads. */
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}
interface Operation {
  operationId?: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: {
    content: Record<string, { examples?: Record<string, { value: InviteUsersRequest }> }>;
  };
}
interface Parameter {
  name: string;
  example?: string;
}
type SpecExample = InviteUsersRequest & { conferenceId: string };

/** The first request example and the conferenceId example of the spec's inviteUsers operation. */
function inviteUsersExample(): SpecExample {
  const spec = parse(readFileSync(specPath, "utf8")) as OpenApiDocument;
  const deref = (node: Parameter | { $ref: string }): Parameter =>
    "$ref" in node
      ? (node.$ref
          .slice(2)
          .split("/")
          .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], spec) as Parameter)
      : node;
  const operation = Object.values(spec.paths)
    .flatMap((item) => Object.values(item))
    .find((op) => op.operationId === "inviteUsers");
  const conferenceId = operation?.parameters
    ?.map(deref)
    .find((p) => p.name === "conferenceId")?.example;
  const examples = operation?.requestBody?.content["application/json"]?.examples ?? {};
  const [example] = Object.values(examples);
  if (!conferenceId || !example)
    throw new Error(`${specPath}: inviteUsers has no request or conferenceId example`);
  return { conferenceId, ...example.value };
}

function cliArguments(example: SpecExample, baseUrl: string, journal: string): string[] {
  return [
    example.conferenceId,
    ...(example.unionId ? ["--operator", example.unionId] : []),
    ...(example.inviteeList ?? []).flatMap((u) => ["--user", `${u.unionId}:${u.nick}`]),
    ...(example.phoneInviteeList ?? []).flatMap((p) => [
      "--phone",
      `${p.phoneNumber}:${p.nick ?? ""}`,
    ]),
    "--base-url",
    baseUrl,
    "--journal",
    journal,
  ];
}

const mock = await startMock();
const workDir = mkdtempSync(join(tmpdir(), "dingtalk-invite-demo-"));
try {
  const args = cliArguments(inviteUsersExample(), mock.url, join(workDir, "demo.journal"));
  const shown = args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(" ");
  process.stdout.write(`Prism mock of spec/openapi.yaml at ${mock.url}\n`);
  process.stdout.write(`$ DINGTALK_ACCESS_TOKEN=… dingtalk-invite ${shown}\n\n`);
  process.exitCode = await main(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    // Prism checks that a token is sent, not its value.
    env: { DINGTALK_ACCESS_TOKEN: "demo-access-token" },
    cwd: process.cwd(),
  });
} finally {
  await mock.stop();
  rmSync(workDir, { recursive: true, force: true });
}
