// The tab's routes in a framework-free shape: src/http mounts them on its server (as it does the bot's
// endpoint), so nothing here knows restify.

export interface TabRequest {
  /** Route parameters, e.g. { id } for /api/tab/requests/:id. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (POST), or undefined. */
  body: unknown;
  /** Whether the body was sent as application/json. */
  isJson: boolean;
}

export interface TabReply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is (HTML, scripts, precompressed bytes) with the headers given. */
  raw?: Buffer | string;
}

export interface TabRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(request: TabRequest): Promise<TabReply>;
}

export function header(request: TabRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
