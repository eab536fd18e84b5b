// The server edge's refusals (app/edge-refusal.server.ts): a plain Swedish page with a way
// back, or a line of text for a data request; English when the user chose English.
import { describe, expect, it } from "vitest";
import { EDGE_REFUSALS, edgeRefusalText } from "~/edge-refusal.server";
import { t } from "~/i18n";

describe("edge refusals", () => {
  it.each(EDGE_REFUSALS)("%s: a Swedish page with a heading, the reason and a link to the start page", (reason) => {
    const { html, text } = edgeRefusalText(reason, undefined);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toContain(`<h1>${t(`edge.${reason}.title`)}</h1>`);
    expect(html).toContain('<a href="/">Till startsidan</a>');
    expect(html).not.toMatch(/<script|<style|style=/);
    expect(text).toContain(t(`edge.${reason}.title`));
    expect(text).toMatch(/Ingenting sparades/);
  });

  it("answers in English when the lang cookie says so", () => {
    const { html } = edgeRefusalText("csrf", "fk_session=x; lang=en");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Nothing was saved.");
  });
});
