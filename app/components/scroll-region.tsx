import type { ReactNode } from "react";

/**
 * A table wider than a phone scrolls sideways; the region takes keyboard focus so it can be
 * scrolled without a mouse, and is named for screen readers.
 */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800 ${className}`}
    >
      {children}
    </div>
  );
}
