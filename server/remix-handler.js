// Hands requests to Remix with their body already read and size-checked.
//
// @remix-run/express streams the raw request into Remix, which leaves a body sent without
// Content-Length (chunked) unlimited. Here express.raw reads every body first, counting
// bytes as they arrive, and refuses it with 413 once MAX_BODY_BYTES is passed. Remix's
// request.formData() holds the whole body in memory anyway, so nothing is lost by this.
import { createRequestHandler } from "@remix-run/node";
import express from "express";

/**
 * @param {{
 *   build: import("@remix-run/node").ServerBuild | (() => Promise<import("@remix-run/node").ServerBuild>),
 *   mode: string,
 *   maxBodyBytes: number,
 *   uploads?: { paths: RegExp[], maxBodyBytes: number },
 *   getLoadContext: (req: import("express").Request, res: import("express").Response) => unknown,
 * }} options
 * @returns {import("express").RequestHandler[]}
 */
export function remixHandler({ build, mode, maxBodyBytes, uploads, getLoadContext }) {
  const handleRequest = createRequestHandler(build, mode);
  // Compressed request bodies are refused (415): browsers never send them, and inflating
  // would make the limit apply to the compressed size only.
  const readForm = express.raw({ type: () => true, limit: maxBodyBytes, inflate: false });
  // The forms that take a file get a larger limit, so a file over the app's own limit still
  // reaches the app and gets its message beside the field, not this bare 413.
  const readUpload = uploads
    ? express.raw({ type: () => true, limit: uploads.maxBodyBytes, inflate: false })
    : readForm;
  const readBody = (req, res, next) =>
    (req.method === "POST" && uploads?.paths.some((p) => p.test(req.path)) ? readUpload : readForm)(req, res, next);

  return [
    readBody,
    async (req, res, next) => {
      try {
        const request = remixRequest(req, res);
        const response = await handleRequest(request, getLoadContext(req, res));
        await sendResponse(res, response);
      } catch (error) {
        next(error);
      }
    },
  ];
}

/** A Fetch Request for Remix, like @remix-run/express's, with the body from express.raw. */
function remixRequest(req, res) {
  // req.hostname honours "trust proxy" (X-Forwarded-Host); take the port from the same header.
  const trusted = req.app.get("trust proxy fn")(req.socket.remoteAddress, 0);
  const port = portOf((trusted && req.get("X-Forwarded-Host")) || req.get("Host"));
  const host = `${req.hostname}${port ? `:${port}` : ""}`;
  const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);

  let controller = new AbortController();
  // Abort the loaders and actions when the client goes away before the response is sent.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value) headers.set(name, value);
  }
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD" && Buffer.isBuffer(req.body)) init.body = req.body;
  return new Request(url.href, init);
}

function portOf(hostHeader) {
  return hostHeader
    ?.split(",")[0]
    ?.trim()
    .match(/:(\d+)$/)?.[1];
}

async function sendResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

/**
 * Writes a streamed body. React renders a page in 2 KB pieces, all at once, and Remix's
 * writer sends and flushes (through the compressor) each piece on its own: hundreds of
 * deflate flushes and socket writes for one page. Here the pieces that arrive together go
 * out as one write and one flush per turn of the event loop, so a part of a page streamed
 * later (deferred data) still leaves as soon as it is rendered.
 */
async function writeBody(body, res) {
  const reader = body.getReader();
  let pending = [];
  let timer = null;
  const take = () => {
    const chunk = pending.length === 1 ? pending[0] : Buffer.concat(pending);
    pending = [];
    return chunk;
  };
  const flush = () => {
    timer = null;
    res.write(take());
    res.flush?.();
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending.push(value);
      timer ??= setImmediate(flush);
    }
    if (timer) clearImmediate(timer);
    if (pending.length > 0) res.write(take());
    res.end();
  } catch (error) {
    if (timer) clearImmediate(timer);
    res.destroy(error);
    throw error;
  }
}
