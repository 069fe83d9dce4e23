import { Transform } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { startBookingJobs, stopBookingJobs } from "~/features/bookings/jobs.server";
import { startOutboxWorker, stopOutboxWorker } from "~/features/outbox/worker.server";
import { startDatabase, stopDatabase, type StartReport } from "~/utils/database.server";
import { getEnv } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

export { parseEnv } from "~/utils/env.server";

const ABORT_DELAY = 5_000;

// server.js calls these through build.entry.module: the bundle owns the database, so the
// HTTP server can open it before listening and close it on SIGTERM.
export async function startApp(): Promise<StartReport> {
  const env = getEnv();
  const report = await startDatabase(env);
  startOutboxWorker(env);
  startBookingJobs();
  return report;
}

export async function stopApp(): Promise<void> {
  await stopBookingJobs();
  await stopOutboxWorker();
  await stopDatabase();
}

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  // Thrown Responses (404, 403 …) are answers, not failures.
  if (error instanceof Response) return;
  logger.error(
    { requestId: (context as AppLoadContext | undefined)?.requestId, url: request.url, err: error },
    "unhandled error in loader or action",
  );
}

/**
 * React 18.3's stream sends a whole 2 KB buffer when the next character does not fit in
 * what is left of it, padding the end with NUL bytes (facebook/react#31134): Vietnamese
 * text, two or three bytes a letter, hits this on most pages. UTF-8 text never holds a 0
 * byte, so cutting the trailing ones restores the HTML.
 */
function withoutNulPadding() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
        [callbackName]: () => {
          shellRendered = true;
          const body = withoutNulPadding();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
