import { defineMessages } from "../define";

export const teams = defineMessages({
  vi: {},
  en: {},
});
