import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";

const TEXT: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: "error.badRequest.title", body: "error.badRequest.body" },
  403: { title: "error.forbidden.title", body: "error.forbidden.body" },
  404: { title: "error.notFound.title", body: "error.notFound.body" },
  413: { title: "error.badRequest.title", body: "error.tooLarge" },
};

/** A friendly page for an error status; never shows a stack trace or server message. */
export function ErrorPage({ status, requestId }: { status: number; requestId?: string }) {
  const t = useT();
  const text = TEXT[status] ?? { title: "error.server.title", body: "error.server.body" };
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl py-10 text-center">
      <p className="text-5xl font-bold text-brand-700">{status}</p>
      <h1 id="error-title" className="mt-4 text-2xl font-semibold">
        {t(text.title)}
      </h1>
      <p className="mt-2 text-stone-700">{t(text.body)}</p>
      {status >= 500 && requestId ? (
        <p className="mt-4 text-sm text-stone-600">{t("error.requestId", { id: requestId })}</p>
      ) : null}
      <Link
        to="/"
        className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {t("error.backHome")}
      </Link>
    </section>
  );
}
