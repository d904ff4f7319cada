import { createAppTokenProvider, type TokenProvider } from "@dingtalk-conference/client";
import { failureFromError, formatFailure } from "../batch-failure.js";
import { InputError } from "../errors.js";

export type AccessToken = string | TokenProvider;

/**
 * Picks the access token: --token, else DINGTALK_ACCESS_TOKEN, else an app's key and
 * secret exchanged by the client's token provider. The values are passed on, never
 * printed: no message of this CLI contains them.
 */
export function resolveAccessToken(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  /** Where an app's key and secret are exchanged for a token (the client's default host without it). */
  baseUrl: string | undefined,
): AccessToken {
  if (flag) return flag;
  if (env.DINGTALK_ACCESS_TOKEN) return env.DINGTALK_ACCESS_TOKEN;
  const appKey = env.DINGTALK_APP_KEY;
  const appSecret = env.DINGTALK_APP_SECRET;
  if (appKey && appSecret) {
    return createAppTokenProvider(baseUrl ? { appKey, appSecret, baseUrl } : { appKey, appSecret });
  }
  if (appKey || appSecret) {
    const missing = appKey ? "DINGTALK_APP_SECRET" : "DINGTALK_APP_KEY";
    throw new InputError([
      { where: missing, message: "is not set; an app's key and secret go together" },
    ]);
  }
  throw new InputError([
    {
      where: "access token",
      message:
        "none given: pass --token, or set DINGTALK_ACCESS_TOKEN, or DINGTALK_APP_KEY and DINGTALK_APP_SECRET",
    },
  ]);
}

/**
 * Resolves the token and, for an app's key and secret, fetches it once before any
 * batch: wrong credentials are a configuration error (exit 2), not 50 failed batches.
 */
export async function checkedAccessToken(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  baseUrl: string | undefined,
  log: (line: string) => void,
): Promise<AccessToken> {
  const accessToken = resolveAccessToken(flag, env, baseUrl);
  if (typeof accessToken === "string") {
    log(`access token: from ${flag ? "--token" : "DINGTALK_ACCESS_TOKEN"}`);
    return accessToken;
  }
  log("access token: fetched with DINGTALK_APP_KEY and DINGTALK_APP_SECRET");
  try {
    await accessToken();
  } catch (error) {
    const reason = formatFailure(failureFromError(error));
    throw new InputError([
      { where: "DINGTALK_APP_KEY/DINGTALK_APP_SECRET", message: `no access token: ${reason}` },
    ]);
  }
  return accessToken;
}
