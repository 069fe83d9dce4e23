import { defineMessages } from "../define";

export const spacesAdmin = defineMessages({
  vi: {},
  en: {},
});
