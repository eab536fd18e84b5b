// Refusals of the server edge (server/index.mjs, docs/decisions/015): a request that did not
// come from our own page, or that no form of ours could have sent. Nothing was saved; the
// text says so and how to go on.
import type { Translation } from "../translation";

export const sv = {
  "edge.foreignOrigin.title": "Begäran stoppades",
  "edge.foreignOrigin.body":
    "Begäran kom inte från en sida i Fasta kontakter och stoppades. Ingenting sparades. Öppna Fasta kontakter direkt och gör om det du ville göra där.",
  "edge.csrf.title": "Formuläret kunde inte tas emot",
  "edge.csrf.body":
    "Formuläret saknade en giltig säkerhetskod, till exempel för att sidan har varit öppen sedan du loggade in eller ut. Ingenting sparades. Gå tillbaka, ladda om sidan och försök igen.",
  "edge.contentType.title": "Formatet stöds inte",
  "edge.contentType.body":
    "Sidan tar bara emot formulär som skickas från Fasta kontakter. Ingenting sparades. Gå tillbaka och använd formuläret på sidan.",
  "edge.tooLarge.title": "Formuläret är för stort",
  "edge.tooLarge.body":
    "Det som skickades var större än vad ett formulär i Fasta kontakter kan vara. Ingenting sparades. Gå tillbaka, korta texten och försök igen.",
  "edge.badBody.title": "Formuläret kunde inte läsas",
  "edge.badBody.body": "Det som skickades gick inte att läsa som ett formulär. Ingenting sparades. Gå tillbaka och försök igen.",
  "edge.badUrl.title": "Adressen kunde inte läsas",
  "edge.badUrl.body": "Adressen innehåller tecken som inte går att läsa. Ingenting sparades. Kontrollera länken eller gå till startsidan.",
};

export const en: Translation<typeof sv> = {
  "edge.foreignOrigin.title": "The request was stopped",
  "edge.foreignOrigin.body":
    "The request did not come from a page of Fasta kontakter and was stopped. Nothing was saved. Open Fasta kontakter directly and do what you wanted to do there.",
  "edge.csrf.title": "The form could not be accepted",
  "edge.csrf.body":
    "The form did not carry a valid security code, for example because the page was opened before you signed in or out. Nothing was saved. Go back, reload the page and try again.",
  "edge.contentType.title": "The format is not supported",
  "edge.contentType.body":
    "This page only accepts forms sent from Fasta kontakter. Nothing was saved. Go back and use the form on the page.",
  "edge.tooLarge.title": "The form is too large",
  "edge.tooLarge.body":
    "What was sent is larger than any form of Fasta kontakter can be. Nothing was saved. Go back, shorten the text and try again.",
  "edge.badBody.title": "The form could not be read",
  "edge.badBody.body": "What was sent could not be read as a form. Nothing was saved. Go back and try again.",
  "edge.badUrl.title": "The address could not be read",
  "edge.badUrl.body": "The address contains characters that cannot be read. Nothing was saved. Check the link or go to the start page.",
};
