import { data } from "@remix-run/node";
import { t } from "~/i18n";

// Every action reads its form through here. `request.formData()` throws on a body it cannot
// read (no content type, JSON, text/plain, XML, broken multipart), and an uncaught throw is a
// 500. The server edge (server/index.mjs) refuses most of these first, but the Vite dev server
// and tests calling actions directly do not pass through it, so the app keeps its own guard.

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** The media type alone, lower-cased, without parameters such as charset or boundary. */
function mediaTypeOf(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * The posted form, or a thrown 415 (not a form's content type) or 400 (a form body that
 * cannot be read), each with a Swedish message for the error page.
 */
export async function readFormData(request: Request): Promise<FormData> {
  if (!FORM_TYPES.includes(mediaTypeOf(request))) {
    throw data({ message: t("error.unsupportedMediaType.body") }, { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw data({ message: t("error.badRequest.body") }, { status: 400 });
  }
}
