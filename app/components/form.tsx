import { Form as RemixForm, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { forwardRef } from "react";
import type { loader as rootLoader } from "~/root";

/** The name of the hidden field; JavaScript callers may send the header `x-csrf-token` instead. */
export const CSRF_FIELD = "csrf";

/**
 * The CSRF token of this browser and session (docs/decisions/015), from the root loader,
 * which revalidates after every submission, so a sign-in's new session brings a new token.
 * Null under the Vite dev server, which has no check in front of it.
 */
export function useCsrfToken(): string | null {
  return useRouteLoaderData<typeof rootLoader>("root")?.csrfToken ?? null;
}

/**
 * Remix's <Form> with the CSRF token as a hidden input on every form that changes state
 * (any method but GET). The input is rendered on the server, so the form carries the token
 * without JavaScript too; with JavaScript Remix submits the same form element, input included.
 * Every form of the app uses this one (tests/unit/forms-carry-csrf-token.test.ts checks).
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ children, method, ...props }, ref) {
  const token = useCsrfToken();
  const changesState = method !== undefined && method.toLowerCase() !== "get";
  return (
    <RemixForm ref={ref} method={method} {...props}>
      {changesState && token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null}
      {children}
    </RemixForm>
  );
});
