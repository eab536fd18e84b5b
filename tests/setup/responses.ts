// Loaders and actions signal redirects and errors by throwing a Response or data(…, { status }).

/** What the promise threw; fails the test if it resolved instead. */
export async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the loader or action to throw a response");
}

/** The HTTP status of a thrown or returned Response or data() value. */
export function statusOf(value: unknown): number | undefined {
  if (value instanceof Response) return value.status;
  if (value && typeof value === "object" && "init" in value) {
    const init = (value as { init?: ResponseInit | null }).init;
    return init?.status ?? 200;
  }
  return undefined;
}
