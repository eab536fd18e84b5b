// What the server edge (server/index.mjs) answers when it refuses a request before Remix sees
// it: a plain page for a browser's document request, a line of text for a data request. In
// the request's language (Swedish unless the user chose English); exported through
// entry.server so that the plain-JavaScript server can reach the catalogs.
import { currentLocale, pageTitle, t } from "~/i18n";
import { localeFromCookies, withLocale } from "~/i18n/locale.server";

export const EDGE_REFUSALS = ["foreignOrigin", "csrf", "contentType", "tooLarge", "badBody", "badUrl"] as const;
export type EdgeRefusal = (typeof EDGE_REFUSALS)[number];

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function edgeRefusalText(reason: EdgeRefusal, cookieHeader: string | undefined): { html: string; text: string } {
  return withLocale(localeFromCookies(cookieHeader), () => {
    const title = t(`edge.${reason}.title`);
    const body = t(`edge.${reason}.body`);
    // No scripts and no styles: the page must show under the strictest policy, and it is
    // read rarely enough that the browser's defaults serve.
    const html = `<!DOCTYPE html>
<html lang="${currentLocale()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle(title))}</title>
</head>
<body>
<main id="main">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(body)}</p>
<p><a href="/">${escapeHtml(t("error.home"))}</a></p>
</main>
</body>
</html>
`;
    return { html, text: `${title}. ${body}\n` };
  });
}
