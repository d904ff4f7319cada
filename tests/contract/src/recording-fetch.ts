/** One call as it crossed the wire: what the client sent and what came back. */
export interface Exchange {
  readonly method: string;
  readonly url: URL;
  readonly requestHeaders: Headers;
  readonly requestBody: string;
  /** Absent when the request never got an answer (network failure, abort). */
  readonly response?: {
    readonly status: number;
    readonly headers: Headers;
    readonly body: string;
  };
}

export interface RecordingFetch {
  /** Pass this as the client's `fetch` option. */
  readonly fetch: typeof fetch;
  /** Every call made through `fetch`, in order. */
  readonly exchanges: Exchange[];
}

export interface RecordingOptions {
  /** Sent as Prism's `Prefer` header, to select a documented response. */
  readonly prefer?: string;
  /** The fetch to delegate to; default: the global one. */
  readonly base?: typeof fetch;
}

/**
 * Wraps fetch to keep a copy of every request and response the client
 * exchanges, so the suite can check each one against the spec — the client
 * cannot hide a call from the checks.
 */
export function recordingFetch(options: RecordingOptions = {}): RecordingFetch {
  const base = options.base ?? fetch;
  const exchanges: Exchange[] = [];
  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const original = new Request(input, init);
    const requestBody = await original.clone().text();
    const headers = new Headers(original.headers);
    if (options.prefer !== undefined) headers.set("prefer", options.prefer);
    const request = new Request(original, {
      headers,
      ...(requestBody ? { body: requestBody } : {}),
    });
    const sent = {
      method: request.method,
      url: new URL(request.url),
      requestHeaders: headers,
      requestBody,
    };
    let response: Response;
    try {
      response = await base(request);
    } catch (error) {
      exchanges.push(sent);
      throw error;
    }
    const body = await response.clone().text();
    exchanges.push({
      ...sent,
      response: { status: response.status, headers: response.headers, body },
    });
    return response;
  };
  return { fetch: recording as typeof fetch, exchanges };
}
