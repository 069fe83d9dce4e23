import { Link } from "@remix-run/react";
import { cardClass } from "~/components/card";
import { useT } from "~/i18n/use-translation";
import { linkClass } from "~/features/sessions/components/session-parts";

export interface EventCalendarLinks {
  /** The single-event .ics download, a path in the app. */
  download: string;
  google: string;
  outlook: string;
}

/** The .ics download and the "add to Google Calendar" links of one booking or session. */
export function AddToCalendar({ links }: { links: EventCalendarLinks }) {
  const t = useT();
  return (
    <section aria-labelledby="add-to-calendar" className={`${cardClass} space-y-2`}>
      <h2 id="add-to-calendar" className="text-lg font-semibold">
        {t("calendar.event.heading")}
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          {/* A file, not a page: a plain link so the browser downloads it. */}
          <a href={links.download} download className={linkClass}>
            {t("calendar.event.download")}
          </a>
        </li>
        <li>
          <a href={links.google} className={linkClass} rel="noopener noreferrer">
            {t("calendar.event.google")}
          </a>
        </li>
        <li>
          <a href={links.outlook} className={linkClass} rel="noopener noreferrer">
            {t("calendar.event.outlook")}
          </a>
        </li>
      </ul>
      <p className="text-sm text-stone-700">
        {t("calendar.event.copyNote")}{" "}
        <Link to="/calendar" className={linkClass}>
          {t("calendar.subscribe")}
        </Link>
      </p>
    </section>
  );
}

/** The small link from a schedule page to the calendars to subscribe to. */
export function SubscribeLink() {
  const t = useT();
  return (
    <p>
      <Link to="/calendar" className={linkClass}>
        {t("calendar.subscribe")}
      </Link>
    </p>
  );
}
