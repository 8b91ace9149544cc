import { test, expect } from "./fixtures";
import { openForm } from "./campaign-helpers";
import { addQuestion, newSurveyAtDesk, saveAndPublish } from "./builder-helpers";

// The brand colour as a respondent sees it on a phone: the chosen answer, the ticked box and the
// focus ring in the colour; a colour too pale to read on white is flagged in the builder and the
// phone draws those marks in near-black instead. A desk and a phone on a busy machine.
test.describe.configure({ timeout: 180_000 });

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

for (const { colour, mark, warned } of [
  { colour: "#0e7c3a", mark: "#0e7c3a", warned: false },
  { colour: "#ffdd00", mark: "#111111", warned: true },
]) {
  test(`a phone shows the answers chosen in the campaign's colour (${colour}${warned ? ", too pale: near-black marks" : ""})`, async ({ page: phone, browser }) => {
    const { desk } = await newSurveyAtDesk(browser, "Couleur");
    await desk.getByLabel("Couleur de la marque").fill(colour);
    await expect(desk.getByTestId("contrast-warning")).toHaveCount(warned ? 1 : 0);
    await addQuestion(desk, "YES_NO", "Avez-vous déjà un poêle ?");
    await addQuestion(desk, "MULTIPLE_CHOICE", "Vos pièces chauffées");
    const question = desk.getByTestId("question").last();
    await question.getByPlaceholder("Choix 1").fill("Salon");
    await question.getByPlaceholder("Choix 2").fill("Chambre");
    const slug = await saveAndPublish(desk);

    await openForm(phone, `/f/${slug}`);
    const yes = phone.getByRole("radio", { name: "Oui" });
    await yes.check();
    expect(await phone.locator("label").filter({ has: yes }).evaluate((l) => getComputedStyle(l).borderTopColor)).toBe(rgb(mark));
    const room = phone.getByRole("checkbox", { name: "Salon" });
    await room.check();
    expect(await room.evaluate((c) => getComputedStyle(c).accentColor)).toBe(rgb(mark));
    // The keyboard's focus ring (a phone with a keyboard, or a switch): in the mark colour too.
    await room.focus();
    await phone.keyboard.press("Shift+Tab");
    await phone.keyboard.press("Tab");
    expect(await room.evaluate((c) => [c.matches(":focus-visible"), getComputedStyle(c).outlineColor])).toEqual([true, rgb(mark)]);
    // The button keeps the colour itself, with readable text on it.
    const button = phone.getByRole("button", { name: "Envoyer mes réponses" });
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(rgb(colour));
    // Nothing spills out of the phone's width.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
}
