import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Decoded headers, lower-case names. */
  headers: Record<string, string>;
  subject: string;
  /** The text body, transfer-decoded and read as UTF-8. */
  text: string;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (random free port), plain text, no authentication: what
 * nodemailer meets in production, minus TLS. `rejectRecipient` answers RCPT TO with 550.
 */
export async function startSmtpServer(
  options: { rejectRecipient?: (address: string) => boolean } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) {
        const error = Object.assign(new Error(`Mailbox unavailable: ${address.address}`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        received.push({ ...parseMessage(raw), raw, from, to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// A small reader for the single-part text messages nodemailer writes: enough to check
// what a recipient would read, without a MIME library.

function bytesFromQuotedPrintable(input: string): Buffer {
  const bytes: number[] = [];
  const text = input.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const hex = text.slice(i + 1, i + 3);
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(ch.charCodeAt(0) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=). Adjacent words join without
 * the space between them, and their bytes are joined before reading UTF-8, since an encoder
 * may split one character over two words.
 */
function decodeHeader(value: string): string {
  const word = /=\?[^?]+\?([QqBb])\?([^?]*)\?=/g;
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=)+/g, (run) =>
      Buffer.concat(
        [...run.matchAll(word)].map(([, encoding = "Q", data = ""]) =>
          encoding.toUpperCase() === "B"
            ? Buffer.from(data, "base64")
            : bytesFromQuotedPrintable(data.replace(/_/g, " ")),
        ),
      ).toString("utf8"),
    );
}

function parseMessage(raw: string): Pick<ReceivedMail, "headers" | "subject" | "text"> {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const bytes =
    encoding === "quoted-printable"
      ? bytesFromQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64")
        : Buffer.from(body, "latin1");
  return { headers, subject: headers.subject ?? "", text: bytes.toString("utf8").replace(/\r\n/g, "\n") };
}
