import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

const BASE = "http://localhost:3000";

export interface RequestOptions {
  cookie?: string | null;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  clientIp?: string;
}

export function buildRequest(path: string, { cookie, form, headers = {} }: RequestOptions = {}): Request {
  const init: RequestInit = { method: form ? "POST" : "GET", headers: { ...headers } };
  if (cookie) (init.headers as Record<string, string>).Cookie = cookie;
  if (form) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    init.body = body;
  }
  return new Request(new URL(path, BASE), init);
}

export function context(clientIp = "127.0.0.1"): AppLoadContext {
  return { requestId: "test", clientIp };
}

type Handler<A> = (args: A) => unknown;

/** Calls a loader or action the way Remix would; thrown Responses are returned, not thrown. */
export async function call(
  handler: Handler<LoaderFunctionArgs> | Handler<ActionFunctionArgs>,
  path: string,
  options: RequestOptions & { params?: Record<string, string> } = {},
): Promise<Response | Record<string, unknown>> {
  const request = buildRequest(path, options);
  try {
    const result = await handler({ request, params: options.params ?? {}, context: context(options.clientIp) });
    return result as Response | Record<string, unknown>;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Status of a loader/action result: Responses carry one; single-fetch `data()` results too. */
export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } } | null)?.init;
  return init?.status ?? 200;
}

/** Body of a `data()` result or plain object returned by a loader/action. */
export function dataOf<T = Record<string, unknown>>(result: unknown): T {
  if (
    result &&
    typeof result === "object" &&
    "type" in result &&
    (result as { type: string }).type === "DataWithResponseInit"
  ) {
    return (result as unknown as { data: T }).data;
  }
  return result as T;
}

/** The "name=value" part of a Set-Cookie header, ready for a Cookie header. */
export function cookieFrom(response: Response, name = "sid"): string | null {
  const all = response.headers.getSetCookie?.() ?? [response.headers.get("Set-Cookie") ?? ""];
  const match = all.map((c) => c.split(";")[0] ?? "").find((c) => c.startsWith(`${name}=`));
  return match ?? null;
}
