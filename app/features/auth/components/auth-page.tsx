import type { ReactNode } from "react";
import { useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";

/** The narrow card every account page sits in, with the page's one h1. */
export function AuthPage({ title, lead, children }: { title: MessageKey; lead?: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <section
      aria-labelledby="page-title"
      className="mx-auto w-full max-w-md rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200"
    >
      <h1 id="page-title" className="text-2xl font-bold">
        {t(title)}
      </h1>
      {lead ? <p className="mt-2 text-stone-700">{lead}</p> : null}
      <div className="mt-6">{children}</div>
    </section>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  return (
    <button
      type="submit"
      className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800 sm:w-auto"
    >
      {children}
    </button>
  );
}

/** A message about the whole form: an error (role="alert") or a confirmation (role="status"). */
export function FormNotice({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return tone === "error" ? (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-900">
      {children}
    </div>
  ) : (
    <div role="status" className="rounded-md border border-brand-700 bg-brand-50 p-3 text-sm text-brand-800">
      {children}
    </div>
  );
}
