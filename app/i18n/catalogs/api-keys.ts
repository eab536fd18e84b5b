// Texts of the API-key page (the administrator names, creates and revokes the keys of
// connected systems), Swedish first; the English catalog must have the same keys.
import type { Translation } from "../translation";

export const sv = {
  "nav.apiKeys": "API-nycklar",

  "apiKeys.pageTitle": "API-nycklar",
  "apiKeys.title": "API-nycklar för anslutna system",
  "apiKeys.intro":
    "Anslutna system, till exempel 1177, läser patienternas fasta kontakter genom GetCareManagers och FHIR CareTeam. Varje system har en egen nyckel, och varje anrop skrivs i patientens åtkomstlogg med systemets namn.",
  "apiKeys.tls":
    "I produktion står ömsesidig TLS med SITHS funktionscertifikat framför tjänsterna: certifikatet avgör vilka system som släpps in, och nyckeln talar bara om vilket system det är. Systemet skickar nyckeln i huvudet Authorization: Bearer <nyckel> eller X-API-Key.",

  "apiKeys.create.heading": "Skapa en nyckel",
  "apiKeys.create.name": "Systemets namn",
  "apiKeys.create.nameHint": "Namnet som åtkomstloggen visar, till exempel ”1177 Vårdguiden”. Högst {max} tecken.",
  "apiKeys.create.nameRequired": "Ange systemets namn, till exempel ”1177 Vårdguiden”.",
  "apiKeys.create.nameTooLong": "Namnet får vara högst {max} tecken. Korta det.",
  "apiKeys.create.careGiver": "Vårdgivare",
  "apiKeys.create.careGiverHint": "Nyckeln läser bara den här vårdgivarens fasta kontakter. Du kan välja bland vårdgivarna för de enheter du administrerar.",
  "apiKeys.create.careGiverRequired": "Välj vilken vårdgivares kontakter nyckeln ska läsa.",
  "apiKeys.create.noCareGivers": "Du administrerar ingen enhet med en vårdgivare, så du kan inte skapa nycklar.",
  "apiKeys.create.services": "Tjänster som nyckeln får anropa",
  "apiKeys.create.servicesRequired": "Välj minst en tjänst.",
  "apiKeys.service.GetCareManagers": "GetCareManagers (SOAP)",
  "apiKeys.service.FhirCareTeam": "FHIR CareTeam",
  "apiKeys.create.submit": "Skapa nyckel",
  "apiKeys.create.invalid": "Nyckeln skapades inte. Rätta det som är markerat.",

  "apiKeys.created.heading": "Nyckeln för {name} är skapad",
  "apiKeys.created.copyNow":
    "Kopiera nyckeln nu, den visas inte igen. Den sparas inte här, bara ett kontrollvärde av den. Lämna den säkert till den som förvaltar systemet.",
  "apiKeys.created.key": "API-nyckel för {name}",

  "apiKeys.list.heading": "Nycklar",
  "apiKeys.list.caption": "API-nycklar, nyast först",
  "apiKeys.list.empty": "Det finns inga nycklar än.",
  "apiKeys.col.name": "System",
  "apiKeys.col.prefix": "Nyckeln börjar med",
  "apiKeys.col.scope": "Vårdgivare och tjänster",
  "apiKeys.col.created": "Skapad",
  "apiKeys.col.status": "Status",
  "apiKeys.col.action": "Åtgärd",
  "apiKeys.by": "{date} av {name}",
  "apiKeys.status.active": "Aktiv",
  "apiKeys.status.revoked": "Återkallad",
  "apiKeys.unknownUser": "okänd användare",
  "apiKeys.revocationReason.legacy-unscoped":
    "Återkallad automatiskt: nyckeln gällde hela regionen och var inte knuten till någon vårdgivare. Skapa en ny nyckel för rätt vårdgivare.",

  "apiKeys.revoke.link": "Återkalla",
  "apiKeys.revoke.linkFor": "Återkalla nyckeln för {name}",
  "apiKeys.revoke.heading": "Återkalla nyckeln för {name}?",
  "apiKeys.revoke.warning":
    "Systemet kan inte längre anropa tjänsterna med nyckeln som börjar med {prefix}. Det går inte att ångra: ska systemet anslutas igen skapar du en ny nyckel.",
  "apiKeys.revoke.confirm": "Ja, återkalla nyckeln",
  "apiKeys.revoke.cancel": "Avbryt",
  "apiKeys.revoke.done": "Nyckeln för {name} är återkallad.",
  "apiKeys.revoke.already": "Nyckeln för {name} var redan återkallad.",

  "apiKeys.rejections.heading": "Avvisade anrop",
  "apiKeys.rejections.intro":
    "De senaste anropen som avvisades (svar 401), nyast först. Ett system som fortsätter att anropa med en återkallad nyckel syns här.",
  "apiKeys.rejections.none": "Inga anrop har avvisats.",
  "apiKeys.rejections.caption": "Avvisade anrop, nyast först",
  "apiKeys.rejections.col.at": "Tidpunkt",
  "apiKeys.rejections.col.endpoint": "Tjänst",
  "apiKeys.rejections.col.reason": "Skäl",
  "apiKeys.rejections.col.key": "Nyckel",
  "apiKeys.rejections.col.requestId": "Begäran-id",
  "apiKeys.rejection.missing": "Ingen nyckel",
  "apiKeys.rejection.malformed": "Nyckeln har fel format",
  "apiKeys.rejection.unknown": "Okänd nyckel",
  "apiKeys.rejection.revoked": "Återkallad nyckel",
} as const;

export const en: Translation<typeof sv> = {
  "nav.apiKeys": "API keys",

  "apiKeys.pageTitle": "API keys",
  "apiKeys.title": "API keys of connected systems",
  "apiKeys.intro":
    "Connected systems, such as 1177, read patients' fixed contacts through GetCareManagers and FHIR CareTeam. Each system has a key of its own, and every call is written to the patient's access log with the system's name.",
  "apiKeys.tls":
    "In production, mutual TLS with SITHS function certificates sits in front of the services: the certificate decides which systems get in, and the key only says which system it is. The system sends the key in the header Authorization: Bearer <key> or X-API-Key.",

  "apiKeys.create.heading": "Create a key",
  "apiKeys.create.name": "Name of the system",
  "apiKeys.create.nameHint": "The name the access log shows, for example “1177 Vårdguiden”. At most {max} characters.",
  "apiKeys.create.nameRequired": "Enter the system's name, for example “1177 Vårdguiden”.",
  "apiKeys.create.nameTooLong": "The name may be at most {max} characters. Shorten it.",
  "apiKeys.create.careGiver": "Care giver",
  "apiKeys.create.careGiverHint": "The key reads only this care giver's fixed contacts. You can choose among the care givers of the units you administer.",
  "apiKeys.create.careGiverRequired": "Choose whose contacts the key will read.",
  "apiKeys.create.noCareGivers": "You administer no unit with a care giver, so you cannot create keys.",
  "apiKeys.create.services": "Services the key may call",
  "apiKeys.create.servicesRequired": "Choose at least one service.",
  "apiKeys.service.GetCareManagers": "GetCareManagers (SOAP)",
  "apiKeys.service.FhirCareTeam": "FHIR CareTeam",
  "apiKeys.create.submit": "Create key",
  "apiKeys.create.invalid": "The key was not created. Correct what is marked.",

  "apiKeys.created.heading": "The key for {name} has been created",
  "apiKeys.created.copyNow":
    "Copy the key now, it will not be shown again. It is not stored here, only a check value of it. Hand it safely to whoever runs the system.",
  "apiKeys.created.key": "API key for {name}",

  "apiKeys.list.heading": "Keys",
  "apiKeys.list.caption": "API keys, newest first",
  "apiKeys.list.empty": "There are no keys yet.",
  "apiKeys.col.name": "System",
  "apiKeys.col.prefix": "Key starts with",
  "apiKeys.col.scope": "Care giver and services",
  "apiKeys.col.created": "Created",
  "apiKeys.col.status": "Status",
  "apiKeys.col.action": "Action",
  "apiKeys.by": "{date} by {name}",
  "apiKeys.status.active": "Active",
  "apiKeys.status.revoked": "Revoked",
  "apiKeys.unknownUser": "unknown user",
  "apiKeys.revocationReason.legacy-unscoped":
    "Revoked automatically: the key was valid for the whole region and not tied to a care giver. Create a new key for the right care giver.",

  "apiKeys.revoke.link": "Revoke",
  "apiKeys.revoke.linkFor": "Revoke the key for {name}",
  "apiKeys.revoke.heading": "Revoke the key for {name}?",
  "apiKeys.revoke.warning":
    "The system can no longer call the services with the key starting with {prefix}. This cannot be undone: to connect the system again, create a new key.",
  "apiKeys.revoke.confirm": "Yes, revoke the key",
  "apiKeys.revoke.cancel": "Cancel",
  "apiKeys.revoke.done": "The key for {name} has been revoked.",
  "apiKeys.revoke.already": "The key for {name} was already revoked.",

  "apiKeys.rejections.heading": "Rejected calls",
  "apiKeys.rejections.intro":
    "The latest calls that were rejected (answer 401), newest first. A system that keeps calling with a revoked key shows up here.",
  "apiKeys.rejections.none": "No calls have been rejected.",
  "apiKeys.rejections.caption": "Rejected calls, newest first",
  "apiKeys.rejections.col.at": "Time",
  "apiKeys.rejections.col.endpoint": "Service",
  "apiKeys.rejections.col.reason": "Reason",
  "apiKeys.rejections.col.key": "Key",
  "apiKeys.rejections.col.requestId": "Request id",
  "apiKeys.rejection.missing": "No key",
  "apiKeys.rejection.malformed": "The key has the wrong format",
  "apiKeys.rejection.unknown": "Unknown key",
  "apiKeys.rejection.revoked": "Revoked key",
};
