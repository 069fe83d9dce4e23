import { data } from "@remix-run/node";

/** Throws a Response (404 by default) when the condition is false. */
export function invariantResponse(
  condition: unknown,
  message = "Not found",
  init: { status: number } = { status: 404 },
): asserts condition {
  if (!condition)
    throw new Response(message, { status: init.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(message = "Forbidden"): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A form submission that failed validation: 400, with the field errors for the page. */
export function badRequest<T>(body: T) {
  return data(body, { status: 400 });
}
