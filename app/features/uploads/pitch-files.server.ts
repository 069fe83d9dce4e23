import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { cleanFileName, looksLikePdf } from "~/features/applications/rules";
import { getEnv } from "~/utils/env.server";

// Applicants' pitch documents. The file is read into memory (at most PITCH_MAX_BYTES), its
// first bytes checked, and written to UPLOAD_DIR under a random key only once the whole
// application is valid: a refused submission leaves nothing on disk.

/** What came in the form's file field. */
export type PitchUpload =
  | { status: "none" }
  | { status: "ok"; name: string; bytes: Uint8Array }
  | { status: "too-large" }
  | { status: "not-pdf" };

const TEXT_PART_MAX_BYTES = 64 * 1024;
const KEY_PATTERN = /^[a-f0-9]{32}\.pdf$/;

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of data) {
    // Read to the end so the parser moves on to the next part.
  }
}

/**
 * Reads a submitted application form: multipart with its pitch file, or (a form without a
 * file field, as tests and plain posts send) urlencoded. Only the field `fileField` may
 * carry a file; a file in any other field is dropped.
 */
export async function readFormWithPitch(
  request: Request,
  fileField = "pitch",
  maxBytes = getEnv().PITCH_MAX_BYTES,
): Promise<{ formData: FormData; pitch: PitchUpload }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    try {
      return { formData: await request.formData(), pitch: { status: "none" } };
    } catch {
      throw new Response("The form could not be read", { status: 400 });
    }
  }

  let pitch: PitchUpload = { status: "none" };
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (typeof filename !== "string") {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size > TEXT_PART_MAX_BYTES) throw new Response("Form field too large", { status: 413 });
        chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString("utf8");
    }
    if (name !== fileField) {
      await drain(data);
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of data) {
      size += chunk.byteLength;
      // Keep reading past the limit (without keeping the bytes) so the other fields arrive
      // and the form can be shown again with the applicant's answers.
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    }
    // A file input left empty still sends a part, with no name and no bytes.
    if (size === 0 && filename === "") return undefined;
    if (tooLarge) pitch = { status: "too-large" };
    else {
      const bytes = Buffer.concat(chunks);
      pitch = looksLikePdf(bytes) ? { status: "ok", name: cleanFileName(filename), bytes } : { status: "not-pdf" };
    }
    return undefined;
  };
  try {
    const formData = await unstable_parseMultipartFormData(request, handler);
    return { formData, pitch };
  } catch (error) {
    if (error instanceof Response) throw error;
    throw new Response("The form could not be read", { status: 400 });
  }
}

function pitchDir(): string {
  return path.resolve(getEnv().UPLOAD_DIR, "pitches");
}

/** Stores a checked PDF under a new random key and returns the key. */
export async function savePitch(bytes: Uint8Array): Promise<string> {
  const dir = pitchDir();
  await mkdir(dir, { recursive: true });
  const key = `${randomBytes(16).toString("hex")}.pdf`;
  await writeFile(path.join(dir, key), bytes, { flag: "wx" });
  return key;
}

export async function deletePitch(key: string | null): Promise<void> {
  if (!key || !KEY_PATTERN.test(key)) return;
  await rm(path.join(pitchDir(), key), { force: true });
}

/** A stored pitch as a web stream, or null when the file is gone. */
export async function openPitch(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const file = path.join(pitchDir(), key);
  try {
    const info = await stat(file);
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return { body, size: info.size };
  } catch {
    return null;
  }
}

/**
 * The download of an application's stored pitch, or null when it has none or the file is gone.
 * Always an attachment, never shown inline from our origin; the name the applicant gave is kept.
 */
export async function pitchDownload(application: {
  pitch_file_key: string | null;
  pitch_file_name: string | null;
}): Promise<Response | null> {
  if (!application.pitch_file_key) return null;
  const file = await openPitch(application.pitch_file_key);
  if (!file) return null;
  const name = application.pitch_file_name ?? "pitch.pdf";
  const ascii = name.replace(/[^\x20-\x7e]/g, "_");
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
