/**
 * Declares one area's strings in both languages. Vietnamese defines the keys; the English
 * object must have exactly the same keys, so a string missing in either language (or a
 * key used in code but defined nowhere) fails the typecheck.
 */
export function defineMessages<const V extends Record<string, string>>(messages: {
  vi: V;
  en: { [K in keyof V]: string };
}): { vi: V; en: { [K in keyof V]: string } } {
  return messages;
}
