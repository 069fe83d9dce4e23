import { defineMessages } from "../define";

export const spaces = defineMessages({
  vi: {},
  en: {},
});
