// The production server: Express around the Remix build. It opens the database before it
// listens and closes it on SIGTERM after the requests in flight have finished.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import { isCrossSiteRequest, securityHeaders } from "./server/security.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILD_PATH = path.join(here, "build", "index.js");
const isDev = process.env.NODE_ENV === "development";

function log(level, msg, fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  (level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

async function main() {
  const started = performance.now();
  const build = await import(pathToFileURL(BUILD_PATH).href);
  const entry = build.entry.module;
  const { parseEnv } = entry;

  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    log("error", error.message);
    process.exit(1);
  }

  let report;
  try {
    report = await entry.startApp();
  } catch (error) {
    log("error", `Start-up stopped: ${error.message}`);
    process.exit(1);
  }

  const app = express();
  app.disable("x-powered-by");
  const trust = env.TRUST_PROXY;
  app.set("trust proxy", trust === "true" ? true : trust === "false" ? false : Number(trust));

  // Request id and access log.
  app.use((req, res, next) => {
    const requestId = req.get("X-Request-Id")?.slice(0, 64) || randomBytes(6).toString("hex");
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const t0 = performance.now();
    res.on("finish", () => {
      if (env.LOG_LEVEL === "silent" || env.LOG_LEVEL === "error" || env.LOG_LEVEL === "warn") return;
      log("info", "request", {
        requestId,
        method: req.method,
        path: req.originalUrl.split("?")[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - t0),
      });
    });
    next();
  });

  app.use(securityHeaders({ isDev }));
  app.use(compression());

  // State-changing requests from another site are refused before they reach a route.
  app.use((req, res, next) => {
    if (isCrossSiteRequest(req, env.APP_URL)) {
      res.status(403).type("text/plain; charset=utf-8").send("Yêu cầu từ trang web khác bị từ chối. / Cross-site request refused.");
      return;
    }
    next();
  });

  // Oversized bodies are refused from the declared length, before anything is read.
  app.use((req, res, next) => {
    const length = Number(req.get("Content-Length") ?? 0);
    if (length > env.MAX_BODY_BYTES) {
      res.status(413).type("text/plain; charset=utf-8").send("Dữ liệu gửi lên quá lớn. / Request body too large.");
      return;
    }
    next();
  });

  // Hashed build assets never change: cache for a year. Other public files: an hour.
  app.use("/build", express.static(path.join(here, "public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(here, "public"), { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({ requestId: res.locals.requestId, clientIp: req.ip ?? null }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    log("info", "listening", {
      url: `http://localhost:${env.PORT}`,
      database: report.kind,
      migrationsApplied: report.applied.length,
      demoDataLoaded: report.seeded,
      startupMs: Math.round(performance.now() - started),
    });
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  async function shutdown(signal) {
    if (stopping) return;
    stopping = true;
    log("info", "shutting down", { signal });
    // Stop accepting; idle keep-alive sockets close now, busy ones after their response.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const force = setTimeout(() => {
      log("error", "requests still running after 25 s; closing them");
      server.closeAllConnections();
    }, 25_000);
    force.unref();
    await closed;
    try {
      await entry.stopApp();
    } catch (error) {
      log("error", "error while closing the database", { err: error.message });
    }
    log("info", "stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  log("error", `Start-up failed: ${error?.message ?? error}`);
  process.exit(1);
});
