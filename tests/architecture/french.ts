// A heuristic that tells French from English in a user-facing text: accented letters or words that are
// French and not English. Used on the English catalogue and on texts made from it (mails).

// Words that are French and not English; a single one in an English message means an untranslated text.
const FRENCH_WORDS =
  /\b(vous|votre|vos|nous|notre|nos|les|des|une|est|sont|avec|dans|pour|cette|ces|être|aucun|aucune|déjà|très|mais|avez|êtes|sera|leur|leurs|sur|pas|du|au|aux|ou|et|le|la|de|un|ce|qui|que|en cours|introuvable|erreur|réessayez|données|formulaire|campagne|tirage|participation|merci|compte|connexion|nouveau|nouvelle)\b/i;
const ACCENTED = /[àâçéèêëîïôûùüÿœæ]/i;
// Proper names, kept as they are in English: the product, French authorities and registers, the French
// names in the builder's examples (a bailiff's title, a region), the language's own name in its menu.
const ALLOWED = [/\bAimant\b/g, /\bCNIL\b/g, /\bRGPD\b/g, /\bBloctel\b/g, /\bMaître Dupont\b/g, /\bRhône\b/g, /\bFrançais\b/g];

/** The French a text seems to hold, after the proper names and the placeholders are taken out. */
export function frenchIn(message: string): string | null {
  let text = message.replace(/\{[^{}]*\}/g, " ");
  for (const allowed of ALLOWED) text = text.replace(allowed, " ");
  return text.match(ACCENTED)?.[0] ?? text.match(FRENCH_WORDS)?.[0] ?? null;
}

