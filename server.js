// The production server: Express around the Remix build. It validates the configuration,
// opens and migrates the database before it listens, and on SIGTERM stops accepting,
// lets the requests in flight finish, closes the database and exits.
import { randomBytes } from "node:crypto";
import { existsSync, watch } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { log, logFatal, setLogLevel } from "./server/log.js";
import { remixHandler } from "./server/remix-handler.js";
import { refuseCrossSiteRequests, securityHeaders } from "./server/security.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILD_PATH = path.join(here, "build", "index.js");
// This is the production server: without NODE_ENV it runs in production mode, which also
// keeps stack traces out of error pages. `remix dev` sets NODE_ENV=development.
process.env.NODE_ENV ||= "production";
const isDev = process.env.NODE_ENV === "development";
// After SIGTERM, requests in flight get this long before their connections are cut.
const DRAIN_MS = 25_000;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

// Request ids: 8 random bytes each, taken from a pool filled 512 ids at a time rather than
// asking the system for randomness on every request.
let randomIds = Buffer.alloc(0);
let nextId = 0;
function newRequestId() {
  if (nextId >= randomIds.length) {
    randomIds = randomBytes(8 * 512);
    nextId = 0;
  }
  nextId += 8;
  return randomIds.toString("hex", nextId - 8, nextId);
}

async function main() {
  const started = performance.now();
  if (!existsSync(BUILD_PATH)) {
    logFatal("Start-up stopped: build/index.js is missing. Run `npm run build` first.");
    process.exit(1);
  }
  let build = await import(pathToFileURL(BUILD_PATH).href);
  const entry = build.entry.module;

  let env;
  try {
    env = entry.parseEnv(process.env);
  } catch (error) {
    logFatal(`Start-up stopped: ${error.message}`);
    process.exit(1);
  }
  setLogLevel(env.LOG_LEVEL);

  let report;
  try {
    report = await entry.startApp();
  } catch (error) {
    logFatal(`Start-up stopped: ${error.message}`);
    process.exit(1);
  }

  const app = express();
  app.disable("x-powered-by");
  const trust = env.TRUST_PROXY;
  app.set("trust proxy", trust === "true" ? true : trust === "false" ? false : Number(trust));

  // Responses not yet finished, so a shutdown can ask their clients not to reuse the connection.
  const inFlight = new Set();
  let stopping = false;

  // Request id (kept from a proxy's X-Request-Id when it looks like one) and access log.
  app.use((req, res, next) => {
    inFlight.add(res);
    if (stopping) res.setHeader("Connection", "close");
    res.on("finish", () => {
      // A connection left idle while stopping would otherwise wait for its keep-alive timeout.
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
    const given = req.get("X-Request-Id");
    const requestId = given && REQUEST_ID.test(given) ? given : newRequestId();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const t0 = performance.now();
    res.on("close", () => {
      inFlight.delete(res);
      log("info", "request", {
        requestId,
        method: req.method,
        path: req.originalUrl.split("?")[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - t0),
        // The client went away before the whole response was sent.
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  });

  app.use(securityHeaders({ isDev, hsts: env.APP_URL?.startsWith("https://") ?? false }));
  app.use(compression());
  app.use(refuseCrossSiteRequests(env.APP_URL));

  // Hashed build assets never change: cache for a year. Other public files: an hour.
  app.use(
    "/build",
    express.static(path.join(here, "public", "build"), {
      immutable: true,
      maxAge: "1y",
      index: false,
      redirect: false,
    }),
  );
  // Only a path that names a file (favicon.svg …) is looked for in public/: a page's path
  // would cost a stat of the disk on every request.
  const publicFiles = express.static(path.join(here, "public"), { maxAge: "1h", index: false, redirect: false });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));

  app.all(
    "*",
    ...remixHandler({
      build: isDev ? () => build : build,
      mode: isDev ? "development" : "production",
      maxBodyBytes: env.MAX_BODY_BYTES,
      // The application form and the applicant's page take a pitch PDF: up to twice the
      // pitch limit is read, so a file a little or much too big still gets the app's message.
      uploads: {
        paths: [/^\/programmes\/[^/]+\/apply\/?$/, /^\/applications\/[^/]+\/?$/],
        maxBodyBytes: 2 * env.PITCH_MAX_BYTES + env.MAX_BODY_BYTES,
      },
      getLoadContext: (req, res) => ({ requestId: res.locals.requestId, clientIp: req.ip ?? null }),
    }),
  );

  // Errors outside Remix (unreadable or oversized bodies, a crash in the adapter): a short
  // answer, never a stack trace.
  app.use((error, req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = Number.isInteger(error.status) && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) {
      log("error", "request failed", {
        requestId: res.locals.requestId,
        path: req.originalUrl.split("?")[0],
        err: { name: error.name, message: error.message, stack: error.stack },
      });
    }
    const text =
      status === 413
        ? "Dữ liệu gửi lên quá lớn. / Request body too large."
        : status === 500
          ? "Đã có lỗi xảy ra. Vui lòng thử lại sau. / Something went wrong. Please try again later."
          : "Yêu cầu không hợp lệ. / Bad request.";
    res.status(status).type("text/plain; charset=utf-8").send(text);
  });

  const server = app.listen(env.PORT, env.HOST, () => {
    log("info", "listening", {
      url: `http://localhost:${server.address().port}`,
      database: report.kind,
      migrationsApplied: report.applied.length,
      demoDataLoaded: report.seeded,
      startupMs: Math.round(performance.now() - started),
    });
  });
  server.on("error", (error) => {
    logFatal(`Start-up stopped: cannot listen on ${env.HOST}:${env.PORT}: ${error.message}`);
    void entry.stopApp().finally(() => process.exit(1));
  });
  // Longer than a load balancer's idle timeout, so it never reuses a connection we closed.
  server.keepAliveTimeout = 65_000;

  if (isDev) {
    // `remix dev --manual`: load each new build in place and tell the dev server it is ready.
    const { broadcastDevReady } = await import("@remix-run/node");
    await broadcastDevReady(build);
    watch(path.join(here, "build"), async (_event, file) => {
      if (file !== "version.txt") return;
      build = await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
      await broadcastDevReady(build);
    });
  }

  async function shutdown(signal) {
    if (stopping) return;
    stopping = true;
    log("info", "shutting down", { signal });
    // Stop accepting. Idle keep-alive connections close now, busy ones after their response.
    const closed = new Promise((resolve) => server.close(resolve));
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    server.closeIdleConnections();
    const force = setTimeout(() => {
      log("warn", `requests still running after ${DRAIN_MS / 1000} s; closing their connections`);
      server.closeAllConnections();
    }, DRAIN_MS);
    force.unref();
    await closed;
    clearTimeout(force);
    let code = 0;
    try {
      await entry.stopApp();
    } catch (error) {
      code = 1;
      log("error", "error while closing the database", { err: { message: error.message } });
    }
    log("info", "stopped", { signal });
    process.exit(code);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  logFatal(`Start-up stopped: ${error?.message ?? error}`);
  process.exit(1);
});
