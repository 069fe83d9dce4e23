import { defineMessages } from "../define";

export const bookings = defineMessages({
  vi: {},
  en: {},
});
