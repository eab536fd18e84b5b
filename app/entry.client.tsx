import { RemixBrowser } from "@remix-run/react";
import { StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

// Hydrated synchronously, not inside startTransition: with React 18.3 a key press that
// lands while a transition-hydration is still running can abort the root with
// "Minified React error #345" (seen in tests/e2e/sign-in.test.ts, keyboard only). Our
// pages are small, so blocking hydration costs a few milliseconds.
hydrateRoot(
  document,
  <StrictMode>
    <RemixBrowser />
  </StrictMode>,
);
