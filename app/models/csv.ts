// CSV as Swedish Excel opens it by double-click: ";" between fields (the comma is the
// decimal sign in Swedish), CRLF between rows, UTF-8 with a byte-order mark so that
// å, ä and ö are not read as Windows-1252.

const BOM = "\uFEFF";

/**
 * One field: quoted when it holds the separator, a quote or a line break (RFC 4180, with
 * ";"). A field that starts like a formula gets a leading apostrophe so that a spreadsheet
 * shows it as text and never runs it (OWASP "CSV injection"): the log holds free text
 * that users typed, such as reasons.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(";"));
  return BOM + lines.join("\r\n") + "\r\n";
}
