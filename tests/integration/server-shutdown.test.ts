// SIGTERM with a request in flight: the server stops accepting, finishes that request,
// closes the database and exits 0.
import http from "node:http";
import net from "node:net";
import { afterAll, expect, it } from "vitest";
import { startServer, waitFor, type ServerProcess } from "../setup/server";

let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
});

/** Resolves true when nothing accepts connections on the port any more. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

/**
 * A raw HTTP/1.1 POST whose body is sent in two parts: `send()` writes the headers and the
 * first part and resolves once the server has read the headers (it answers
 * "100 Continue"); `finish()` sends the rest and resolves with the raw response.
 */
function slowPost(port: number, path: string, body: string) {
  const socket = net.connect(port, "127.0.0.1");
  socket.setEncoding("utf8");
  let received = "";
  const split = Math.floor(body.length / 2);
  const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(received)));
  const continued = new Promise<void>((resolve, reject) => {
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (received.includes("100 Continue")) resolve();
    });
    socket.on("error", reject);
  });
  return {
    async send() {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
          "Content-Type: application/x-www-form-urlencoded\r\n" +
          `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
      );
      await continued;
      socket.write(body.slice(0, split));
    },
    async finish() {
      socket.write(body.slice(split));
      // The server closes the connection after the response, since it is shutting down.
      const raw = await closed;
      return raw.slice(raw.indexOf("\r\n\r\n") + 4);
    },
  };
}

it("on SIGTERM finishes the request in flight, refuses new connections, closes the database and exits 0", async () => {
  server = await startServer();
  const { port } = server;

  // An idle keep-alive connection must not hold the shutdown up.
  const agent = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    http
      .get(`${server!.url}/healthz`, { agent }, (response) => response.resume().on("end", resolve))
      .on("error", reject);
  });

  const inFlight = slowPost(port, "/language", "locale=en&redirectTo=%2Fsign-in");
  await inFlight.send();

  server.child.kill("SIGTERM");
  await waitFor(() => server!.logLines().some((l) => l.msg === "shutting down"), { what: "'shutting down'" });
  await waitFor(() => connectionRefused(port), { what: "new connections to be refused", timeoutMs: 10_000 });
  expect(server.child.exitCode).toBeNull();

  const response = await inFlight.finish();
  expect(response).toMatch(/^HTTP\/1\.1 302 /);
  expect(response).toMatch(/\r\nLocation: \/sign-in\r\n/i);
  expect(response).toMatch(/\r\nSet-Cookie: lang=/i);
  // The client is told not to reuse the connection.
  expect(response).toMatch(/\r\nConnection: close\r\n/i);

  const exit = await server.exited;
  agent.destroy();
  expect(exit).toEqual({ code: 0, signal: null });
  const lines = server.logLines();
  expect(lines.find((l) => l.msg === "request" && l.method === "POST")).toMatchObject({
    path: "/language",
    status: 302,
  });
  const shuttingDown = lines.findIndex((l) => l.msg === "shutting down");
  const stopped = lines.findIndex((l) => l.msg === "stopped");
  expect(stopped).toBeGreaterThan(shuttingDown);
  // Well inside the 25 s given to requests in flight: the idle connection did not count.
  const elapsed = Date.parse(String(lines[stopped]!.time)) - Date.parse(String(lines[shuttingDown]!.time));
  expect(elapsed).toBeLessThan(15_000);
}, 180_000);
