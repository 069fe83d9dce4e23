// Stand-ins for outside services, loaded by the integration tests (import "../mocks") and by
// `npm run start:mocks` (node --import). Requests to Stripe are answered here; a request to
// Stripe the stand-in does not know fails loudly, and every other request goes out untouched.
import { setupServer } from "msw/node";
import { stripeHandlers } from "./stripe";

export const server = setupServer(...stripeHandlers);

server.listen({
  onUnhandledRequest(request, print) {
    if (new URL(request.url).hostname.endsWith("stripe.com")) print.error();
  },
});
process.once("SIGTERM", () => server.close());
