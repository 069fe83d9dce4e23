import { Form } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { buttonClass, dangerButtonClass } from "~/components/buttons";
import { cardClass } from "~/components/card";
import { SelectField } from "~/components/form-field";
import { useT } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/translate";
import { linkClass } from "~/features/sessions/components/session-parts";
import type { FeedLinks, FeedTarget } from "../manage.server";

const secondaryButtonClass =
  "rounded-md border border-stone-500 bg-white px-3 py-1 text-sm font-medium text-stone-800 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";

/** Where a calendar's card is on the page, which the page scrolls back to after a change. */
export function feedAnchor(target: FeedTarget): string {
  if (target.kind === "team") return `calendar-team-${target.teamId}`;
  if (target.kind === "resource") return `calendar-resource-${target.resourceId}`;
  return `calendar-${target.kind}`;
}

/**
 * A link in a read-only field. Without JavaScript the field is there to select and copy;
 * with it, a button copies and says so to screen readers as well.
 */
function CopyField({ id, label, hint, value }: { id: string; label: MessageKey; hint: MessageKey; value: string }) {
  const t = useT();
  const [scripted, setScripted] = useState(false);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => setScripted(true), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {t(label)}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-stone-400 bg-stone-50 px-3 py-2 font-mono text-sm"
        />
        {scripted ? (
          <button
            type="button"
            onClick={copy}
            aria-label={t("calendar.copyLabel", { link: t(label) })}
            className={secondaryButtonClass}
          >
            {t("calendar.copy")}
          </button>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="text-sm text-stone-700">
        {t(hint)}
      </p>
      <p role="status" className="text-sm font-medium text-green-800">
        {copied === "yes" ? t("calendar.copied") : copied === "failed" ? t("calendar.copyFailed") : ""}
      </p>
    </div>
  );
}

/** The links of a live feed with the means to replace or stop them, each warned about first. */
function LiveFeed({ feed }: { feed: FeedLinks }) {
  const t = useT();
  const key = `feed-${feed.id}`;
  return (
    <div className="space-y-4">
      <CopyField id={`${key}-https`} label="calendar.link.https" hint="calendar.link.httpsHint" value={feed.https} />
      <CopyField
        id={`${key}-webcal`}
        label="calendar.link.webcal"
        hint="calendar.link.webcalHint"
        value={feed.webcal}
      />
      <p>
        <a href={feed.webcal} className={linkClass}>
          {t("calendar.link.open")}
        </a>
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <FeedAction feedId={feed.id} intent="regenerate" className={secondaryButtonClass} />
        <FeedAction feedId={feed.id} intent="revoke" className={dangerButtonClass} />
      </div>
    </div>
  );
}

/** A button that replaces or stops a feed's link, with its warning read out with it. */
function FeedAction({
  feedId,
  intent,
  className,
}: {
  feedId: string;
  intent: "regenerate" | "revoke";
  className: string;
}) {
  const t = useT();
  const warning = `feed-${feedId}-${intent}`;
  return (
    <Form method="post" className="space-y-2">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="feedId" value={feedId} />
      <p id={warning} className="text-sm text-stone-700">
        {t(`calendar.${intent}Warning`)}
      </p>
      <button type="submit" aria-describedby={warning} className={className}>
        {t(`calendar.${intent}`)}
      </button>
    </Form>
  );
}

function CreateFeed({ target, name }: { target: FeedTarget; name: string }) {
  const t = useT();
  return (
    <Form method="post" className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="kind" value={target.kind} />
      {target.kind === "team" ? <input type="hidden" name="teamId" value={target.teamId} /> : null}
      {target.kind === "resource" ? <input type="hidden" name="resourceId" value={target.resourceId} /> : null}
      <p className="text-stone-700">{t("calendar.none")}</p>
      <button type="submit" aria-label={t("calendar.createFor", { name })} className={buttonClass}>
        {t("calendar.create")}
      </button>
    </Form>
  );
}

/** One calendar the person may subscribe to: its links, or the button that makes them. */
export function FeedCard({
  heading,
  headingLevel = 2,
  hint,
  feed,
  target,
}: {
  heading: string;
  headingLevel?: 2 | 3;
  hint?: ReactNode;
  feed: FeedLinks | null;
  target: FeedTarget;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const anchor = feedAnchor(target);
  return (
    <section id={anchor} aria-labelledby={`${anchor}-heading`} className={`${cardClass} space-y-3`}>
      <Heading id={`${anchor}-heading`} className={headingLevel === 2 ? "text-lg font-semibold" : "font-semibold"}>
        {heading}
      </Heading>
      {hint ? <p className="text-stone-700">{hint}</p> : null}
      {feed ? <LiveFeed feed={feed} /> : <CreateFeed target={target} name={heading} />}
    </section>
  );
}

/** The spaces without a link yet, in one list to choose from: a card each would bury the page. */
export function ResourceFeedPicker({ resources }: { resources: ReadonlyArray<{ id: string; name: string }> }) {
  const t = useT();
  if (resources.length === 0) return null;
  return (
    <Form method="post" className={`${cardClass} grid items-end gap-3 sm:grid-cols-[1fr_auto]`}>
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="kind" value="resource" />
      <SelectField
        name="resourceId"
        label="calendar.resources.choose"
        options={resources.map((r) => ({ value: r.id, text: r.name }))}
      />
      <button type="submit" className={buttonClass}>
        {t("calendar.create")}
      </button>
    </Form>
  );
}

const HELP: ReadonlyArray<{ app: MessageKey; steps: readonly MessageKey[] }> = [
  {
    app: "calendar.help.google",
    steps: ["calendar.help.google.1", "calendar.help.google.2", "calendar.help.google.3"],
  },
  {
    app: "calendar.help.outlook",
    steps: ["calendar.help.outlook.1", "calendar.help.outlook.2", "calendar.help.outlook.3"],
  },
  {
    app: "calendar.help.iphone",
    steps: ["calendar.help.iphone.1", "calendar.help.iphone.2", "calendar.help.iphone.3"],
  },
];

/** Short steps for the three calendar apps most people here use. */
export function SubscribeHelp() {
  const t = useT();
  return (
    <section aria-labelledby="calendar-help" className="space-y-3">
      <h2 id="calendar-help" className="text-lg font-semibold">
        {t("calendar.help.heading")}
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        {HELP.map(({ app, steps }) => (
          <div key={app} className={cardClass}>
            <h3 className="font-semibold">{t(app)}</h3>
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-stone-800">
              {steps.map((step) => (
                <li key={step}>{t(step)}</li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}
