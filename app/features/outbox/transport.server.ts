import nodemailer from "nodemailer";

export interface Transport {
  /** "smtp" delivers; "keep" leaves messages in the outbox for admins to read. */
  kind: "smtp" | "keep";
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export function createTransport(smtpUrl: string | undefined): Transport {
  if (!smtpUrl) {
    return { kind: "keep", send: async () => undefined, close: () => undefined };
  }
  // Bounded waits: a silent SMTP server must not hold a claimed message for nodemailer's
  // default hour of socket inactivity. Settings in the URL's query string still win.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}
