import type { FormDefinition } from "@/lib/submission/form-definition";

/** A contest with one question of every type, two purposes and an age gate. */
export const everyTypeForm: FormDefinition = {
  id: "camp1",
  slug: "concours",
  kind: "CONTEST",
  locale: "fr",
  minimumAge: 15,
  ageCheck: "BIRTHDATE",
  minorPolicy: "REFUSE",
  purposes: [
    { id: "p-offers", wording: "Recevoir les offres de la marque par e-mail" },
    { id: "p-partners", wording: "Recevoir les offres des partenaires" },
  ],
  sections: [
    {
      id: "s1",
      title: "Vous",
      questions: [
        { id: "q-email", type: "EMAIL", label: "E-mail", helpText: "", required: true, validation: {}, options: [] },
        { id: "q-first", type: "FIRST_NAME", label: "Prénom", helpText: "", required: true, validation: {}, options: [] },
        { id: "q-last", type: "LAST_NAME", label: "Nom", helpText: "", required: false, validation: {}, options: [] },
        { id: "q-phone", type: "PHONE", label: "Téléphone", helpText: "", required: false, validation: {}, options: [] },
        { id: "q-cp", type: "POSTAL_CODE", label: "Code postal", helpText: "", required: false, validation: {}, options: [] },
        { id: "q-birth", type: "BIRTH_DATE", label: "Date de naissance", helpText: "", required: true, validation: {}, options: [] },
        { id: "q-short", type: "SHORT_TEXT", label: "Ville", helpText: "", required: false, validation: {}, options: [] },
        { id: "q-long", type: "LONG_TEXT", label: "Attentes", helpText: "", required: false, validation: {}, options: [] },
        { id: "q-single", type: "SINGLE_CHOICE", label: "Chauffage", helpText: "", required: true, validation: {}, options: [{ id: "o-gas", label: "Gaz" }, { id: "o-wood", label: "Bois" }] },
        { id: "q-multi", type: "MULTIPLE_CHOICE", label: "Pièces", helpText: "", required: false, validation: {}, options: [{ id: "o-a", label: "Salon" }, { id: "o-b", label: "Cuisine" }] },
        { id: "q-yes", type: "YES_NO", label: "Propriétaire ?", helpText: "", required: false, validation: {}, options: [] },
        { id: "q-scale", type: "SCALE", label: "Satisfaction", helpText: "", required: false, validation: {}, options: [] },
        { id: "q-number", type: "NUMBER", label: "Surface", helpText: "", required: false, validation: { min: 5, max: 1000 }, options: [] },
      ],
    },
  ],
};
