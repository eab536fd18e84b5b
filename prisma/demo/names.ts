// Names and places of the fictional region. First names follow the birth decade (a woman born
// 1931 is more likely a Margit than a Maja), with the mix of origins of a Swedish town today.

export type Sex = "F" | "M";

type Generation = "born1925" | "born1950" | "born1975" | "born2000";

export function generationOf(birthYear: number): Generation {
  if (birthYear < 1945) return "born1925";
  if (birthYear < 1970) return "born1950";
  if (birthYear < 1995) return "born1975";
  return "born2000";
}

export const FIRST_NAMES: Record<Generation, Record<Sex, readonly string[]>> = {
  born1925: {
    F: ["Margit", "Elsa", "Gunhild", "Astrid", "Ingeborg", "Signe", "Greta", "Svea", "Dagny", "Brita", "Aina", "Karin", "Märta", "Ingrid", "Maj-Britt", "Ruth"],
    M: ["Gösta", "Sven", "Karl", "Erik", "Olof", "Helge", "Ragnar", "Sture", "Folke", "Nils", "Arne", "Bertil", "Einar", "Evert", "Harald", "Valter"],
  },
  born1950: {
    F: ["Birgitta", "Margareta", "Kerstin", "Ulla", "Gunilla", "Marianne", "Barbro", "Eva", "Lena", "Inger", "Siv", "Annika", "Britt-Marie", "Agneta", "Jelena", "Leila"],
    M: ["Lars", "Bengt", "Lennart", "Göran", "Leif", "Kjell", "Jan", "Rolf", "Stig", "Bo", "Per-Olof", "Ulf", "Mehmet", "Dragan", "Reza", "Tommy"],
  },
  born1975: {
    F: ["Maria", "Anna", "Sara", "Jenny", "Linda", "Johanna", "Emma", "Sofia", "Malin", "Camilla", "Fatima", "Amina", "Katarina", "Therese", "Aleksandra", "Mirela"],
    M: ["Johan", "Andreas", "Mikael", "Daniel", "Fredrik", "Peter", "Magnus", "Mattias", "Jonas", "Ahmed", "Mohammed", "Ali", "Tobias", "Niklas", "Marko", "Hussein"],
  },
  born2000: {
    F: ["Alice", "Maja", "Ella", "Wilma", "Elsa", "Saga", "Ebba", "Alva", "Olivia", "Nora", "Yasmin", "Leah", "Selma", "Agnes", "Hanna", "Ines"],
    M: ["Liam", "Noah", "Elias", "Hugo", "Oscar", "William", "Lucas", "Adam", "Vincent", "Alexander", "Omar", "Leo", "Isak", "Theo", "Yusuf", "Arvid"],
  },
};

/** A second given name for some (Swedes often have two or three; one is stored as middle name). */
export const MIDDLE_NAMES: Record<Sex, readonly string[]> = {
  F: ["Maria", "Elisabet", "Kristina", "Louise", "Margareta", "Sofia", "Ingegerd", "Linnéa"],
  M: ["Erik", "Johan", "Karl", "Olof", "Gustav", "Per", "Fredrik", "Emanuel"],
};

export const LAST_NAMES: readonly string[] = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
  "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
  "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg",
  "Axelsson", "Bergström", "Lundberg", "Lundgren", "Lundqvist", "Mattsson", "Berglund", "Fredriksson",
  "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson",
  "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson",
  "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg",
  "Nyberg", "Blomqvist", "Nordström", "Mårtensson", "Lundström", "Viklund", "Björklund", "Eliasson",
  "Berggren", "Sandström", "Nordin", "Ström", "Åberg", "Ekström", "Holmgren", "Sundberg",
  "Hedlund", "Dahlberg", "Sjögren", "Abrahamsson", "Öberg", "Blom", "Ek", "Strand",
  "Hassan", "Mohammed", "Ali", "Ahmed", "Yilmaz", "Kaya", "Nguyen", "Hosseini",
  "Petrović", "Nowak", "Kovačević", "Rahimi", "Haddad", "Jovanović", "Korhonen", "Lehtonen",
];

export type Town = {
  name: string;
  /** Postal codes in the town (fictional, "NNN NN"). */
  postalCodes: readonly string[];
  streets: readonly string[];
};

export const TOWNS = {
  norrsjo: {
    name: "Norrsjö",
    postalCodes: ["936 31", "936 32", "936 33", "936 34", "936 35", "936 36"],
    streets: [
      "Storgatan", "Kyrkogatan", "Skolgatan", "Järnvägsgatan", "Sjövägen", "Björkvägen",
      "Lasarettsgatan", "Norra Esplanaden", "Älvgatan", "Ängsvägen", "Prästgårdsvägen", "Tallvägen",
      "Granvägen", "Lingonstigen", "Blåbärsstigen", "Furuvägen", "Tingshusgatan", "Sågverksgatan",
    ],
  },
  hammarvik: {
    name: "Hammarvik",
    postalCodes: ["936 50", "936 51", "936 52"],
    streets: ["Hamngatan", "Strandvägen", "Fyrvägen", "Båtsmansgatan", "Varvsgatan", "Torggatan", "Sjömansgatan", "Klippvägen"],
  },
  lillgrund: {
    name: "Lillgrund",
    postalCodes: ["936 70", "936 71"],
    streets: ["Byvägen", "Gamla landsvägen", "Skogsvägen", "Kvarnvägen", "Åkervägen", "Mejerivägen"],
  },
  bergsjoholm: {
    name: "Bergsjöholm",
    postalCodes: ["936 92"],
    streets: ["Bergsjöholm", "Västra Bergsjö", "Östra Bergsjö", "Holmsvägen", "Fäbodvägen"],
  },
} as const satisfies Record<string, Town>;

export type TownKey = keyof typeof TOWNS;
