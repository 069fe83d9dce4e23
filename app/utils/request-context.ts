// What the server hands every loader and action besides the Request.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Short id logged with every request and shown on error pages. */
    requestId: string;
    /** The client's address as the server sees it (after TRUST_PROXY). */
    clientIp: string | null;
  }

  // Types of useLoaderData/useActionData follow single fetch (data() results unwrapped).
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
