import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "~/components/app-shell";
import { ErrorPage } from "~/components/error-page";
import { getSessionUser } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { resolveLocale } from "~/i18n/locale.server";
import { DEFAULT_LOCALE } from "~/i18n/translate";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const centre = await requireCurrentCentre();
  return {
    locale,
    user: user ? { name: user.name, role: user.role, email: user.email } : null,
    centre: {
      name: locale === "vi" ? centre.name_vi : centre.name_en,
      shortName: locale === "vi" ? centre.short_name_vi : centre.short_name_en,
    },
    requestId: context.requestId,
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.centre.name ?? "Innovation Centre" }];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>("root");
  return (
    <html lang={data?.locale ?? DEFAULT_LOCALE} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#065f46" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full bg-stone-50 font-sans text-stone-900 antialiased">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <AppShell user={data.user} centreName={data.centre.shortName}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<RootLoaderData>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = <ErrorPage status={status} requestId={data?.requestId} />;
  // Without root data (the root loader itself failed) there is no shell to draw.
  return data ? (
    <AppShell user={data.user} centreName={data.centre.shortName}>
      {page}
    </AppShell>
  ) : (
    <main id="main" className="mx-auto max-w-2xl p-6">
      {page}
    </main>
  );
}
