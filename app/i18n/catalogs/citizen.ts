// Texts of "Så ser patienten det på 1177", Swedish first; the English catalog must have the
// same keys. Inside the preview the texts speak to the patient, as 1177 does; around it, to staff.
import type { Translation } from "../translation";

export const sv = {
  "citizen.link": "Så ser patienten det på 1177",
  "citizen.title": "Så ser patienten det på 1177",
  "citizen.back": "Tillbaka till patientsidan",
  "citizen.patient": "Förhandsvisning för {name}, {identifier}.",
  "citizen.staffNotice":
    "Så här visas patientens fasta kontakter för patienten på 1177. Vård-till-vård-nummer, interna anteckningar, direktnummer som inte får visas för patienten och handläggares kontaktuppgifter visas inte. Avslutade kontakter och kontakter som inte har börjat än visas inte heller.",
  "citizen.logged": "Att du öppnar förhandsvisningen skrivs i patientens åtkomstlogg.",

  "citizen.preview": "Förhandsvisning av 1177",
  "citizen.heading": "Mina fasta kontakter",
  "citizen.intro": "Här ser du vilka som är dina fasta kontakter i vården och omsorgen och hur du når dem.",
  "citizen.empty": "Du har inga fasta kontakter registrerade just nu.",

  // KV Typ av fast kontakt (OID 1.2.752.129.5.1.69) display names, capitalised.
  "citizen.kind.1": "Fast vårdkontakt",
  "citizen.kind.2": "Fast läkarkontakt i primärvård",
  "citizen.kind.3": "Fast omsorgskontakt i hemtjänsten",
  "citizen.kind.4": "Fast vårdkontakt med övergripande samordningsansvar",
  "citizen.kind.other": "Annan fast kontakt",

  "citizen.befattning": "Yrkesroll",
  "citizen.contactAbout": "Kontakta om",
  "citizen.directPhone": "Direktnummer",
  "citizen.contactWays": "Kontaktvägar",
  "citizen.viaUnit": "Du kontaktar din handläggare via enheten nedan.",
  "citizen.team": "Team",
  "citizen.phone": "Telefon",
  "citizen.unit": "Enhet",
  "citizen.visitingAddress": "Besöksadress",
  "citizen.eServices": "E-tjänster och andra kontaktvägar",
  "citizen.message": "Meddelande till dig",
} as const;

export const en: Translation<typeof sv> = {
  "citizen.link": "What the patient sees on 1177",
  "citizen.title": "What the patient sees on 1177",
  "citizen.back": "Back to the patient page",
  "citizen.patient": "Preview for {name}, {identifier}.",
  "citizen.staffNotice":
    "This is how the patient's fixed contacts are shown to the patient on 1177. Care-to-care numbers, internal notes, direct numbers the patient may not see and a case officer's contact details are not shown. Ended contacts and contacts that have not started yet are not shown either.",
  "citizen.logged": "Opening this preview is written to the patient's access log.",

  "citizen.preview": "Preview of 1177",
  "citizen.heading": "My fixed contacts",
  "citizen.intro": "Here you see who your fixed contacts in health and social care are and how to reach them.",
  "citizen.empty": "You have no fixed contacts registered right now.",

  "citizen.kind.1": "Named care contact (fast vårdkontakt)",
  "citizen.kind.2": "Named GP in primary care (fast läkarkontakt)",
  "citizen.kind.3": "Named home-care contact (fast omsorgskontakt)",
  "citizen.kind.4": "Named care contact with overall coordination",
  "citizen.kind.other": "Other named contact",

  "citizen.befattning": "Profession",
  "citizen.contactAbout": "Contact about",
  "citizen.directPhone": "Direct number",
  "citizen.contactWays": "Ways to get in touch",
  "citizen.viaUnit": "You contact your case officer through the unit below.",
  "citizen.team": "Team",
  "citizen.phone": "Phone",
  "citizen.unit": "Unit",
  "citizen.visitingAddress": "Visiting address",
  "citizen.eServices": "E-services and other ways to get in touch",
  "citizen.message": "Message to you",
};
