// Events refuse the same way sessions do: one shape, one thrower.
export { refusal, Refused, type SessionRefusal as EventRefusal } from "~/features/sessions/refusal";
