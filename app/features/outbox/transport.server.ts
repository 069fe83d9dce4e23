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
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}
