/** A server the suite checks the client against, always behind Prism. */
export interface ContractTarget {
  readonly kind: "mock" | "provider";
  /** For test names: what is being checked. */
  readonly name: string;
  /** Prism's URL: the mock itself, or the validating proxy in front of the provider. */
  readonly baseUrl: string;
  /**
   * The server itself, with no proxy between: the mock, or the provider. Prism's
   * proxy answers a request without a token itself, so only here can a probe
   * learn what the server answers to it.
   */
  readonly origin: string;
  readonly accessToken: string;
  /** Path parameters that replace the spec's examples: the provider's own conference. */
  readonly pathParams?: Readonly<Record<string, string>>;
}

/** The variables that point the suite at a provider; all three or none. */
export const providerVariables = [
  "CONTRACT_BASE_URL",
  "CONTRACT_ACCESS_TOKEN",
  "CONTRACT_CONFERENCE_ID",
] as const;

/** The provider variables are set, but not all of them; the message names the missing ones. */
export class ProviderSettingsError extends Error {
  override readonly name = "ProviderSettingsError";
}

export type ProviderSettings =
  | { readonly upstream: string; readonly accessToken: string; readonly conferenceId: string }
  | { readonly skipReason: string };

export function providerSettings(env: NodeJS.ProcessEnv): ProviderSettings {
  const missing = providerVariables.filter((name) => !env[name]);
  if (missing.length === providerVariables.length) {
    return {
      skipReason: `provider checks skipped: set ${providerVariables.join(", ")} to run them`,
    };
  }
  if (missing.length > 0) {
    // Half a configuration is a mistake worth stopping for, not a reason to skip quietly.
    throw new ProviderSettingsError(
      `provider checks need ${providerVariables.join(", ")}; missing: ${missing.join(", ")}`,
    );
  }
  return {
    upstream: env.CONTRACT_BASE_URL as string,
    accessToken: env.CONTRACT_ACCESS_TOKEN as string,
    conferenceId: env.CONTRACT_CONFERENCE_ID as string,
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    contractTargets: ContractTarget[];
    providerSkipReason: string | null;
  }
}
