import { join } from "node:path";
import { documentedResponses, exampleAccessToken, startMock } from "@dingtalk-conference/mock";
import { repoRoot, specFile, specInWorkingTree } from "@dingtalk-conference/spec/compare";
import { scalarConfiguration } from "./reference.js";
import { reviewPage } from "./review-page.js";
import { bundleRoute, listenForReview } from "./review-server.js";
import { changesAgainst } from "./spec-changes.js";

export interface ReviewOptions {
  /** A folder of the repository whose working-tree spec is reviewed. */
  cwd: string;
  /** Compare with where HEAD left this ref; default: where it left main. */
  ref?: string;
  /** Port of the review page; default: a free one. */
  port?: number;
}

export interface RunningReview {
  /** The review page. */
  readonly url: string;
  /** The mock the page's console sends to. */
  readonly mockUrl: string;
  stop(): Promise<void>;
}

const host = "127.0.0.1";

/**
 * Everything that can fail on bad input (the port, the spec, the ref) fails
 * before Prism starts, so a mistake leaves nothing running.
 */
export async function startReview(options: ReviewOptions): Promise<RunningReview> {
  const server = await listenForReview(host, options.port ?? 0);
  try {
    const root = await repoRoot(options.cwd);
    const spec = await specInWorkingTree(root);
    // A response Prism cannot be asked for ("4XX", "default") stops the mock;
    // the spec alone tells, so it is checked before any git work.
    const responses = documentedResponses(spec);
    const changes = await changesAgainst(root, spec, options.ref);
    const mock = await startMock({ spec: join(root, specFile), host });
    const referenceConfiguration = scalarConfiguration(spec as Record<string, unknown>, {
      tryIt: { mockUrl: mock.url, accessToken: exampleAccessToken },
    });
    server.setPage(
      reviewPage({ changes, responses, referenceConfiguration, bundleSrc: bundleRoute }),
    );
    return {
      url: server.url,
      mockUrl: mock.url,
      stop: async () => {
        await Promise.all([server.close(), mock.stop()]);
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
