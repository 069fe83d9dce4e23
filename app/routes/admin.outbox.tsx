import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { OutboxStatus } from "#db/schema";
import { titleMeta } from "~/features/auth/meta";
import { requirePermission } from "~/features/auth/session.server";
import { listOutboxPage } from "~/features/outbox/queries.server";
import { formatDateTime } from "~/i18n/format";
import type { MessageKey } from "~/i18n/translate";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

const PAGE_SIZE = 50;

// ?page=N from 1; anything else shows the first page.
const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "outbox:read");
  const page = pageParam.parse(new URL(request.url).searchParams.get("page") ?? 1);
  const { messages, total } = await listOutboxPage(db(), admin.centre_id, page, PAGE_SIZE);
  return {
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    messages: messages.map((m) => ({
      id: m.id,
      createdAt: formatDateTime(m.created_at),
      sentAt: m.sent_at ? formatDateTime(m.sent_at) : null,
      to: m.to_address,
      subject: m.subject,
      kind: m.kind,
      status: m.status,
      attempts: m.attempts,
      lastError: m.last_error,
      text: m.text_body,
    })),
  };
}

const KNOWN_KINDS: Record<string, MessageKey> = {
  invitation: "outbox.kind.invitation",
  "password-reset": "outbox.kind.password-reset",
};

const STATUS_STYLE: Record<OutboxStatus, string> = {
  pending: "bg-amber-50 text-amber-900 ring-amber-800",
  sending: "bg-amber-50 text-amber-900 ring-amber-800",
  sent: "bg-brand-50 text-brand-800 ring-brand-700",
  failed: "bg-red-50 text-red-900 ring-red-800",
  kept: "bg-sky-50 text-sky-900 ring-sky-800",
};

export default function AdminOutbox() {
  const { messages, page, pages, total } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("outbox.title")}</h1>
        <p className="mt-2 max-w-3xl text-stone-700">{t("outbox.lead")}</p>
        <p className="mt-2 text-sm text-stone-700">{t("outbox.total", { count: total })}</p>
      </div>

      {messages.length === 0 ? (
        <p className="text-stone-700">{t("outbox.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {messages.map((message) => (
            <li key={message.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="font-semibold break-words">{message.subject}</h2>
                <span className={`rounded-full px-2 py-0.5 text-sm font-medium ring-1 ${STATUS_STYLE[message.status]}`}>
                  {t(`outbox.status.${message.status}`)}
                </span>
              </div>
              <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-stone-700">{t("outbox.created")}</dt>
                <dd className="tabular-nums">
                  {message.createdAt}
                  {message.sentAt ? ` · ${t("outbox.sentAt", { time: message.sentAt })}` : null}
                </dd>
                <dt className="text-stone-700">{t("outbox.to")}</dt>
                <dd className="break-all">{message.to}</dd>
                <dt className="text-stone-700">{t("outbox.kind")}</dt>
                <dd>{KNOWN_KINDS[message.kind] ? t(KNOWN_KINDS[message.kind] as MessageKey) : message.kind}</dd>
                <dt className="text-stone-700">{t("outbox.attempts")}</dt>
                <dd className="tabular-nums">{message.attempts}</dd>
                {message.lastError ? (
                  <>
                    <dt className="text-stone-700">{t("outbox.lastError")}</dt>
                    <dd className="break-words text-red-800">{message.lastError}</dd>
                  </>
                ) : null}
              </dl>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-800 underline">
                  {t("outbox.showText")}
                </summary>
                <pre className="mt-2 rounded-md bg-stone-100 p-3 font-sans text-sm wrap-anywhere whitespace-pre-wrap text-stone-900">
                  {message.text}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      )}

      {pages > 1 ? (
        <nav aria-label={t("outbox.pagination")} className="flex items-center justify-between gap-3">
          {page > 1 ? (
            <Link to={`?page=${page - 1}`} className="font-medium text-brand-800 underline">
              {t("outbox.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-stone-700">{t("outbox.page", { page, pages })}</span>
          {page < pages ? (
            <Link to={`?page=${page + 1}`} className="font-medium text-brand-800 underline">
              {t("outbox.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

export const meta = titleMeta("outbox.title");
