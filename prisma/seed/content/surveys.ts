// Demo surveys written by the Parley team: a one-minute, always-open survey in the spirit of the
// UN75 "permanent input mechanism", and a short survey attached to the demo consultation.

export const futureWeWant = [
  {
    id: "track",
    type: "single",
    required: true,
    text: { en: "Overall, do you think the world is on track to the future you want?", fr: "Dans l'ensemble, pensez-vous que le monde est sur la voie de l'avenir que vous souhaitez ?", es: "En general, ¿cree que el mundo va camino del futuro que usted desea?" },
    options: [
      { id: "yes", label: { en: "Yes", fr: "Oui", es: "Sí" } },
      { id: "no", label: { en: "No", fr: "Non", es: "No" } },
      { id: "unsure", label: { en: "Not sure", fr: "Je ne sais pas", es: "No estoy seguro" } },
    ],
  },
  {
    id: "why_not",
    type: "longText",
    text: { en: "What makes you think we are not on track?" },
    showIf: { questionId: "track", optionId: "no" },
  },
  {
    id: "priorities",
    type: "multiple",
    required: true,
    minPicks: 1,
    maxPicks: 3,
    other: true,
    text: { en: "Which would you most like to see in 25 years' time? Choose up to three.", fr: "Que souhaiteriez-vous voir le plus dans 25 ans ? Choisissez-en trois au plus." },
    options: [
      { id: "climate", label: { en: "More environmental protection", fr: "Plus de protection de l'environnement" } },
      { id: "health", label: { en: "Better access to healthcare", fr: "Un meilleur accès aux soins" } },
      { id: "education", label: { en: "Better access to education", fr: "Un meilleur accès à l'éducation" } },
      { id: "rights", label: { en: "More respect for human rights", fr: "Plus de respect des droits humains" } },
      { id: "peace", label: { en: "Less conflict", fr: "Moins de conflits" } },
    ],
  },
  {
    id: "cooperation",
    type: "likert",
    scale: 5,
    text: { en: "Countries working together is essential to deal with today's challenges." },
    scaleLabels: { min: { en: "Strongly disagree" }, max: { en: "Strongly agree" } },
  },
  { id: "hope", type: "rating", text: { en: "How hopeful are you about the future, from 0 to 10?" } },
  {
    id: "order",
    type: "ranking",
    text: { en: "Put these in the order the world should act on them." },
    options: [
      { id: "poverty", label: { en: "Ending poverty" } },
      { id: "climate", label: { en: "Climate change" } },
      { id: "inequality", label: { en: "Inequality" } },
    ],
  },
  { id: "one_thing", type: "shortText", text: { en: "In a few words: what should be done first?" } },
  { id: "where", type: "country", text: { en: "Where do you live?" } },
  { id: "household", type: "number", min: 1, max: 50, text: { en: "How many people live in your household?" } },
];

export const guidanceSurvey = [
  {
    id: "useful",
    type: "likert",
    scale: 5,
    required: true,
    text: { en: "The draft guidance would be useful to my organisation." },
    scaleLabels: { min: { en: "Strongly disagree" }, max: { en: "Strongly agree" } },
  },
  {
    id: "period",
    type: "single",
    required: true,
    text: { en: "What minimum comment period should the guidance recommend?" },
    options: [
      { id: "six", label: { en: "Six weeks" } },
      { id: "twelve", label: { en: "Twelve weeks" } },
      { id: "depends", label: { en: "It depends on the draft" } },
    ],
  },
  { id: "missing", type: "longText", text: { en: "What is missing from the draft?" } },
];
