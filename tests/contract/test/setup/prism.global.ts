import { type MockServer, startMock } from "@dingtalk-conference/mock";
import type { TestProject } from "vitest/node";
import { type ContractTarget, providerSettings } from "../../src/targets.js";

/**
 * Starts Prism once for the whole run — a mock of the spec, plus a validating
 * proxy in front of a provider when one is configured — and stops them after
 * the last test. Each binds a free loopback port, so overlapping runs never
 * clash; the mock package kills them if the run is interrupted.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const provider = providerSettings(process.env);
  const servers: MockServer[] = [];
  const stopAll = () => Promise.all(servers.map((server) => server.stop())).then(() => undefined);
  try {
    const mock = await startMock();
    servers.push(mock);
    const targets: ContractTarget[] = [
      {
        kind: "mock",
        name: "Prism mock",
        baseUrl: mock.url,
        origin: mock.url,
        accessToken: "contract-suite-token",
      },
    ];
    if ("upstream" in provider) {
      const proxy = await startMock({ upstream: provider.upstream });
      servers.push(proxy);
      targets.push({
        kind: "provider",
        name: `provider ${provider.upstream}`,
        baseUrl: proxy.url,
        origin: provider.upstream,
        accessToken: provider.accessToken,
        pathParams: { conferenceId: provider.conferenceId },
      });
    } else {
      console.log(`[contract] ${provider.skipReason}`);
    }
    project.provide("contractTargets", targets);
    project.provide("providerSkipReason", "skipReason" in provider ? provider.skipReason : null);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
