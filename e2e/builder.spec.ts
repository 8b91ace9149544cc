import jsQR from "jsqr";
import { PNG } from "pngjs";
import { test, expect, signUp, uniqueEmail, PASSWORD } from "./fixtures";
import { createPublishedContest, openForm } from "./campaign-helpers";

test("a marketer builds a contest with an RFM question and a purpose, sees what blocks publishing, then publishes it", async ({ page }) => {
  await signUp(page, { organisation: "Poêles Test" });
  await expect(page.getByRole("heading", { name: "Aucune campagne pour l'instant" })).toBeVisible();
  await page.getByRole("link", { name: "Nouvelle campagne" }).first().click();
  await page.getByLabel("Jeu concours").check();
  await page.getByLabel("Titre").fill("Gagnez un poêle à granulés");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByTestId("campaign-title")).toHaveText("Gagnez un poêle à granulés");
  await expect(page.getByTestId("campaign-phase")).toHaveText("Brouillon");

  // Publishing waits while the contest has no prize and no rules; the checklist says why (issue 15: disabled, not refused).
  await expect(page.getByRole("button", { name: "Publier", exact: true })).toBeDisabled();
  await expect(page.getByTestId("publish-problems")).toContainText("indiquez le lot à gagner");
  await expect(page.getByTestId("publish-problems")).toContainText("ajoutez le règlement");

  await page.getByLabel("Lot à gagner").fill("Un poêle à granulés");
  await page.getByLabel("Règlement du jeu").fill("Jeu gratuit sans obligation d'achat.");

  // An RFM-tagged single choice: the builder proposes scores 5 → 1.
  await expect(page.getByTestId("rfm-warning")).toBeVisible();
  await page.getByLabel("Type de la nouvelle question").selectOption("SINGLE_CHOICE");
  await page.getByRole("button", { name: "Ajouter la question" }).click();
  const question = page.getByTestId("question").last();
  await question.getByLabel("Question 3").fill("À quand remonte votre dernier achat de granulés ?");
  await question.getByRole("button", { name: "Ajouter un choix" }).click();
  await question.getByLabel("Choix 1", { exact: true }).fill("Ce mois-ci");
  await question.getByLabel("Choix 2", { exact: true }).fill("Cette année");
  await question.getByLabel("Choix 3", { exact: true }).fill("Jamais");
  await question.getByLabel("Qualification RFM").selectOption("R");
  await expect(question.getByLabel("Score du choix 1")).toHaveValue("5");
  await expect(question.getByLabel("Score du choix 3")).toHaveValue("1");

  // A second purpose with its own wording.
  await page.getByRole("button", { name: "Ajouter une finalité" }).click();
  await page.getByLabel("Libellé de la case 2").fill("Recevoir les offres de nos partenaires par e-mail");

  // A purpose about partners: publishing waits until they are named (the notice names them).
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await expect(page.getByTestId("publish-problems")).toContainText("nommez-les");
  await page.getByLabel("Partenaires destinataires").fill("Granulés du Rhône SAS");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await expect(page.getByTestId("publish-problems")).toHaveCount(0);
  // Saving again updates what exists (nothing duplicated), and survives a reload.
  await page.getByLabel("Texte d'introduction").fill("Tentez votre chance !");
  await expect(page.getByText("Modifications non enregistrées")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("question")).toHaveCount(3);
  await expect(page.getByTestId("purpose")).toHaveCount(2);
  await expect(page.getByLabel("Score du choix 2")).toHaveValue("3");
  await expect(page.getByTestId("purpose").first()).toContainText("version 1 du libellé");

  await page.getByRole("link", { name: "Aperçu" }).click();
  await expect(page.getByTestId("preview-frame")).toContainText("À quand remonte votre dernier achat de granulés ?");
  await expect(page.getByTestId("notice")).toContainText("Responsable du traitement");
  await expect(page.getByTestId("notice")).toContainText("Recevoir les offres de nos partenaires par e-mail");
  await expect(page.getByTestId("notice")).toContainText("Granulés du Rhône SAS");
  await page.getByRole("link", { name: "Formulaire" }).click();

  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByText("Campagne publiée.")).toBeVisible();
  await expect(page.getByTestId("campaign-phase")).toHaveText("Ouvert");
  const publicUrl = await page.getByTestId("public-url").textContent();
  expect(publicUrl).toMatch(/\/f\/gagnez-un-poele-a-granules/);

  await page.goto("/campagnes");
  await expect(page.getByRole("link", { name: "Gagnez un poêle à granulés" })).toBeVisible();
});

test("an e-mail question is mandatory for a contest", async ({ page }) => {
  await signUp(page);
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Titre").fill("Sans e-mail");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Supprimer la question « Adresse e-mail »" }).click();
  await page.getByLabel("Lot à gagner").fill("Un lot");
  await page.getByLabel("Règlement du jeu").fill("Règlement.");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await expect(page.getByTestId("publish-problems")).toContainText("une question « E-mail » est obligatoire");
});

test("the QR code PNG decodes to the exact public URL with its UTM tags; SVG, poster and embed are offered", async ({ page, request, baseURL }) => {
  await signUp(page);
  const { id, slug } = await createPublishedContest(page);
  const expected = `${baseURL}/f/${slug}?utm_source=qr&utm_medium=print&utm_campaign=${slug}`;

  const png = await request.get(`/f/${slug}/qr.png?size=512&ecl=H&dark=%23b4235a`);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  const image = PNG.sync.read(await png.body());
  expect(image.width).toBe(512);
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(decoded?.data).toBe(expected);

  const svg = await request.get(`/f/${slug}/qr.svg`);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toContain("<svg");
  expect((await request.get(`/f/${slug}/qr.png?size=99999`)).status()).toBe(422);
  expect((await request.get(`/f/pas-publie-${Date.now()}/qr.png`)).status()).toBe(404);

  await page.goto(`/campagnes/${id}/partage`);
  await expect(page.getByTestId("qr-target")).toHaveText(expected);
  await expect(page.getByTestId("qr-png")).toHaveAttribute("href", new RegExp(`/f/${slug}/qr.png\\?size=512&ecl=M`));
  await page.getByLabel("Correction d'erreur").selectOption("H");
  await expect(page.getByTestId("qr-png")).toHaveAttribute("href", /ecl=H/);
  await expect(page.getByLabel("Intégrer dans un site")).toHaveValue(new RegExp(`<iframe src="${baseURL}/f/${slug}\\?utm_source=site`));
  await page.getByRole("link", { name: "Ouvrir l'affiche" }).click();
  await expect(page.getByTestId("poster")).toContainText("Un panier garni");
  await expect(page.getByTestId("poster")).toContainText("Scannez pour participer");

  // Only /f/ may be framed.
  expect((await request.get(`/f/${slug}`)).headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect((await request.get(`/campagnes/${id}/partage`)).headers()["x-frame-options"]).toBe("DENY");
});

test("duplicating and archiving a campaign", async ({ page }) => {
  await signUp(page);
  const { id } = await createPublishedContest(page, { title: "À dupliquer" });
  await page.getByRole("button", { name: "Dupliquer" }).click();
  await expect(page.getByTestId("campaign-title")).toHaveText("Copie de À dupliquer");
  await expect(page.getByTestId("campaign-phase")).toHaveText("Brouillon");
  expect(page.url()).not.toContain(id);
  page.on("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Archiver" }).click();
  await expect(page.getByTestId("campaign-phase")).toHaveText("Archivé");
  await page.goto("/campagnes");
  await expect(page.getByRole("link", { name: "Copie de À dupliquer" })).toHaveCount(0);
  await page.goto("/campagnes?archives=1");
  await expect(page.getByRole("link", { name: "Copie de À dupliquer" })).toBeVisible();
});

test("a viewer opening a campaign lands on its statistics and only sees the tabs of their role", async ({ page, browser }) => {
  await signUp(page);
  const { id } = await createPublishedContest(page);
  await page.goto("/parametres/membres");
  await page.getByLabel("E-mail de la personne").fill(uniqueEmail("lecteur"));
  await page.getByLabel("Rôle", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Inviter" }).click();
  const link = await page.getByTestId("invitation-link").textContent();

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await viewer.goto(link!);
  await viewer.getByLabel("Votre nom").fill("Valérie Lecture");
  await viewer.getByLabel("Mot de passe").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Rejoindre l'organisation" }).click();
  await expect(viewer).toHaveURL(/\/campagnes/);
  await expect(viewer.getByRole("link", { name: "Nouvelle campagne" })).toHaveCount(0);
  await viewer.goto(`/campagnes/${id}`);
  await expect(viewer).toHaveURL(new RegExp(`/campagnes/${id}/statistiques`));
  const tabs = viewer.getByRole("navigation", { name: "Pages de la campagne" });
  await expect(tabs.getByRole("link")).toHaveText(["Statistiques"]);
  expect((await viewer.goto(`/campagnes/${id}/partage`))?.status()).toBe(403);
  await context.close();

  // Another organisation's campaign does not exist for this member.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await signUp(other);
  expect((await other.goto(`/campagnes/${id}`))?.status()).toBe(404);
  await stranger.close();
});

test("logo and rules PDF uploads are checked by content and served from the data folder", async ({ page, request }) => {
  await signUp(page);
  const { id, slug } = await createPublishedContest(page);
  await page.goto(`/campagnes/${id}`);
  // A text file named .png is refused: the type is read from the bytes.
  await page.getByLabel("Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("pas une image") });
  await page.getByRole("button", { name: "Téléverser" }).first().click();
  await expect(page.getByText("Le logo doit être une image PNG, JPEG ou WebP.")).toBeVisible();

  const png = await (await request.get(`/f/${slug}/qr.png?size=128`)).body();
  await page.getByLabel("Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Téléverser" }).first().click();
  await expect(page.getByText("Fichier en place").first()).toBeVisible();
  await page.getByLabel("Règlement (PDF)").setInputFiles({ name: "reglement.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%test\n") });
  await page.getByRole("button", { name: "Téléverser" }).last().click();
  await expect(page.getByText("Fichier en place")).toHaveCount(2);

  const logo = await request.get(`/f/${slug}/logo`);
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toBe("image/png");
  expect(Buffer.compare(await logo.body(), png)).toBe(0);
  const rules = await request.get(`/f/${slug}/reglement/pdf`);
  expect(rules.headers()["content-type"]).toBe("application/pdf");
  await page.goto(`/f/${slug}/reglement`);
  await expect(page.getByRole("link", { name: "Télécharger le règlement (PDF)" })).toBeVisible();
  await page.goto(`/f/${slug}`);
  await expect(page.locator(`img[src="/f/${slug}/logo"]`)).toBeVisible();
});

test("a lead magnet needs its reward before publishing, then promises it after confirmation", async ({ page }) => {
  await signUp(page);
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Lead magnet").check();
  await page.getByLabel("Titre").fill("Guide du chauffage au bois");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByTestId("publish-problems")).toContainText("indiquez le contenu offert");
  await page.getByLabel("Lien du contenu offert").fill("https://exemple.fr/guide.pdf");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByText("Campagne publiée.")).toBeVisible();
  const slug = (await page.getByTestId("public-url").textContent())!.split("/f/").pop()!;

  const loadedAt = await openForm(page, `/f/${slug}`);
  await expect(page.getByRole("checkbox", { name: /règlement/ })).toHaveCount(0);
  await page.getByLabel("Prénom").fill("Jeanne");
  await page.getByLabel("Adresse e-mail").fill(uniqueEmail("lecteur-guide"));
  await page.waitForTimeout(Math.max(0, 2100 - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Recevoir mon contenu" }).click();
  await expect(page.getByTestId("thanks")).toContainText("Dès que votre adresse est confirmée, vous recevez votre contenu.");
});

test("a question moves to another section and the order is kept after saving", async ({ page }) => {
  await signUp(page);
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Titre").fill("Sections");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await page.getByRole("button", { name: "Ajouter une section" }).click();
  await page.getByTestId("section-1").getByLabel("Titre de la section").fill("Pour finir");
  await page.getByTestId("section-0").getByTestId("question").first().getByLabel("Déplacer vers").selectOption("1");
  await expect(page.getByTestId("section-1").getByTestId("question")).toHaveCount(1);
  await expect(page.getByTestId("section-0").getByTestId("question")).toHaveCount(1);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("section-1").getByLabel("Question 1")).toHaveValue("Prénom");
  await expect(page.getByTestId("section-0").getByLabel("Question 1")).toHaveValue("Adresse e-mail");
});
