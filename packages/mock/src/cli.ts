// `pnpm mock`: Prism on the spec for a reviewer to try by hand. It prints one
// ready-to-paste curl line per named response example, read from the spec, so
// every success and every DingTalk error code can be provoked with
// `Prefer: code=…, example=…` without knowing Prism's conventions.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { freePort } from "./free-port.js";
import { specPath } from "./spec-path.js";
import { startMock } from "./start-mock.js";

/** The command line asked for something this command cannot do. */
export class MockCliUsageError extends Error {
  override readonly name = "MockCliUsageError";
}

/** The spec lacks what a request line needs (an example, a path parameter value…). */
export class MockCliSpecError extends Error {
  override readonly name = "MockCliSpecError";
}

type Node = Record<string, unknown>;

interface CliOptions {
  host: string;
  port?: number;
}

interface ReviewRequest {
  operationId: string;
  status: string;
  example: string;
  summary: string;
  curl: string;
}

const usage = "usage: pnpm mock [--port <1-65535>] [--host <loopback address>]";
const methods = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
/** Prism checks that the security header is present, not what it holds. */
const reviewToken = "review-token";

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { host: "127.0.0.1" };
  const args = argv.filter((arg) => arg !== "--");
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined || value.startsWith("--")) {
      throw new MockCliUsageError(`${flag} needs a value\n${usage}`);
    }
    if (flag === "--port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) {
        throw new MockCliUsageError(`--port must be an integer from 1 to 65535, got "${value}"`);
      }
      options.port = port;
    } else if (flag === "--host") {
      options.host = value;
    } else {
      throw new MockCliUsageError(`unknown option "${flag}"\n${usage}`);
    }
  }
  return options;
}

/** Follows a local `$ref` ("#/components/…"); the spec is one self-contained file. */
function deref(spec: Node, node: unknown): Node {
  const value = node as Node;
  const ref = value?.$ref;
  if (typeof ref !== "string") return value;
  if (!ref.startsWith("#/")) throw new MockCliSpecError(`only local $refs are supported: ${ref}`);
  const target = ref
    .slice(2)
    .split("/")
    .reduce<unknown>(
      (at, key) => (at as Node | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
      spec,
    );
  if (target === undefined) throw new MockCliSpecError(`$ref ${ref} points nowhere`);
  return deref(spec, target);
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

function firstExampleValue(media: Node | undefined): unknown {
  if (!media) return undefined;
  if ("example" in media) return media.example;
  const first = Object.values((media.examples as Node | undefined) ?? {})[0] as Node | undefined;
  return first?.value;
}

function pathWithExamples(where: string, template: string, parameters: Node[]) {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = parameters.find((p) => p.in === "path" && p.name === name);
    const schema = parameter?.schema as Node | undefined;
    const value = parameter?.example ?? (schema?.examples as unknown[] | undefined)?.[0];
    if (value === undefined) {
      throw new MockCliSpecError(
        `${where}: path parameter {${name}} has no example to put in the URL`,
      );
    }
    return encodeURIComponent(String(value));
  });
}

/** The headers every call of the operation needs: its security scheme's apiKey headers. */
function securityHeaders(spec: Node, operation: Node): string[] {
  const requirements = (operation.security ?? spec.security ?? []) as Node[];
  const schemes = ((spec.components as Node | undefined)?.securitySchemes ?? {}) as Node;
  return requirements.flatMap((requirement) =>
    Object.keys(requirement).flatMap((name) => {
      const scheme = deref(spec, schemes[name]);
      return scheme?.type === "apiKey" && scheme.in === "header"
        ? [`${scheme.name}: ${reviewToken}`]
        : [];
    }),
  );
}

/** One curl line per named example of every response of every operation. */
function reviewRequests(spec: Node, baseUrl: string): ReviewRequest[] {
  const requests: ReviewRequest[] = [];
  for (const [template, pathItem] of Object.entries((spec.paths ?? {}) as Node)) {
    for (const method of methods) {
      const operation = (pathItem as Node)[method] as Node | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${template}`;
      const parameters = [
        ...(((pathItem as Node).parameters ?? []) as unknown[]),
        ...((operation.parameters ?? []) as unknown[]),
      ].map((p) => deref(spec, p));
      const url = baseUrl + pathWithExamples(where, template, parameters);
      const requestBody = operation.requestBody ? deref(spec, operation.requestBody) : undefined;
      const json = (requestBody?.content as Node | undefined)?.["application/json"] as
        | Node
        | undefined;
      const body = firstExampleValue(json);
      if (requestBody && body === undefined) {
        throw new MockCliSpecError(`${where}: the request body has no example to send`);
      }
      const headers = [
        ...(body === undefined ? [] : ["content-type: application/json"]),
        ...securityHeaders(spec, operation),
      ];
      const operationId = String(operation.operationId ?? where);
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Node)) {
        const content = (deref(spec, response).content ?? {}) as Node;
        for (const media of Object.values(content) as Node[]) {
          for (const [name, example] of Object.entries((media.examples ?? {}) as Node)) {
            const prefer = `Prefer: code=${status}, example=${name}`;
            const curl = [
              "curl -sS -X",
              method.toUpperCase(),
              shellQuote(url),
              ...[prefer, ...headers].map((header) => `-H ${shellQuote(header)}`),
              ...(body === undefined ? [] : ["--data", shellQuote(JSON.stringify(body))]),
            ].join(" ");
            const summary = String(deref(spec, example).summary ?? "");
            requests.push({ operationId, status, example: name, summary, curl });
          }
        }
      }
    }
  }
  return requests;
}

function formatReviewRequests(requests: readonly ReviewRequest[]): string {
  return requests
    .map(({ operationId, status, example, summary, curl }) => {
      const title = `# ${operationId} ${status} ${example}${summary ? ` — ${summary}` : ""}`;
      return `${title}\n${curl}`;
    })
    .join("\n\n");
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const spec = parse(await readFile(specPath, "utf8")) as Node;
  // Build the lines before starting Prism, so a spec they cannot be made from
  // fails fast instead of leaving a mock nobody was told how to call.
  const port = options.port ?? (await freePort(options.host));
  const requests = reviewRequests(spec, `http://${options.host}:${port}`);
  const mock = await startMock({ host: options.host, port });
  console.log(`Prism is mocking ${specPath} at ${mock.url}\n`);
  console.log(formatReviewRequests(requests));
  console.log(`\n${requests.length} requests above. Press Ctrl-C to stop the mock.`);
}

main().catch((error: unknown) => {
  const known = error instanceof MockCliUsageError || error instanceof MockCliSpecError;
  console.error(known ? `pnpm mock: ${error.message}` : error);
  process.exit(known ? 2 : 1);
});
