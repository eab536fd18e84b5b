import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of the response being rendered (server/index.mjs makes
// one per request). Only the server render has it: browsers hide a nonce from the page once
// it is parsed, and the client never renders new inline scripts, so in the browser this is
// undefined and Remix's <Scripts> suppresses the attribute's hydration difference.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
