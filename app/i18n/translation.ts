/** A catalog in another language: exactly the keys of the Swedish one, any text. */
export type Translation<T> = { readonly [K in keyof T]: string };
