// The services an API key may be allowed to call (decision 016), as stored in ApiKey.services.
// Shared by the key page (its checkboxes) and the server; nothing server-only here.
export const API_SERVICES = ["GetCareManagers", "FhirCareTeam"] as const;
export type ApiService = (typeof API_SERVICES)[number];

const isApiService = (value: string): value is ApiService => (API_SERVICES as readonly string[]).includes(value);

/** ApiKey.services as stored: the chosen services, comma-separated, in API_SERVICES order. */
export const storedServices = (services: readonly ApiService[]) => API_SERVICES.filter((s) => services.includes(s)).join(",");
export const readServices = (stored: string): ApiService[] => stored.split(",").filter(isApiService);
