import { defineMessages } from "../define";

export const admin = defineMessages({
  vi: {},
  en: {},
});
