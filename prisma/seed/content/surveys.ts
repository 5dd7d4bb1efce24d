// Demo surveys written by the Parley team: a one-minute, always-open survey in the spirit of the
// UN75 "permanent input mechanism", and a short survey attached to the demo consultation. Every
// question, option and scale label is given in the six UN languages.

type Text = { en: string; fr: string; es: string; ar: string; zh: string; ru: string };
const tx = (en: string, fr: string, es: string, ar: string, zh: string, ru: string): Text => ({ en, fr, es, ar, zh, ru });

const agreeScale = {
  min: tx("Strongly disagree", "Pas du tout d'accord", "Totalmente en desacuerdo", "أعارض بشدة", "非常不同意", "Категорически не согласен"),
  max: tx("Strongly agree", "Tout à fait d'accord", "Totalmente de acuerdo", "أوافق بشدة", "非常同意", "Полностью согласен"),
};

export const futureWeWant = [
  {
    id: "track",
    type: "single",
    required: true,
    text: tx(
      "Overall, do you think the world is on track to the future you want?",
      "Dans l'ensemble, pensez-vous que le monde est sur la voie de l'avenir que vous souhaitez ?",
      "En general, ¿cree que el mundo va camino del futuro que usted desea?",
      "بشكل عام، هل تعتقد أن العالم يسير نحو المستقبل الذي تريده؟",
      "总体而言，您认为世界正在走向您所希望的未来吗？",
      "В целом, считаете ли вы, что мир движется к будущему, которого вы хотите?",
    ),
    options: [
      { id: "yes", label: tx("Yes", "Oui", "Sí", "نعم", "是", "Да") },
      { id: "no", label: tx("No", "Non", "No", "لا", "否", "Нет") },
      { id: "unsure", label: tx("Not sure", "Je ne sais pas", "No estoy seguro", "لست متأكدًا", "不确定", "Не уверен") },
    ],
  },
  {
    id: "why_not",
    type: "longText",
    text: tx(
      "What makes you think we are not on track?",
      "Qu'est-ce qui vous fait penser que nous ne sommes pas sur la bonne voie ?",
      "¿Qué le hace pensar que no vamos por buen camino?",
      "ما الذي يجعلك تعتقد أننا لسنا على المسار الصحيح؟",
      "是什么让您认为我们没有走在正确的道路上？",
      "Почему вы считаете, что мы движемся не туда?",
    ),
    showIf: { questionId: "track", optionId: "no" },
  },
  {
    id: "priorities",
    type: "multiple",
    required: true,
    minPicks: 1,
    maxPicks: 3,
    other: true,
    text: tx(
      "Which would you most like to see in 25 years' time? Choose up to three.",
      "Que souhaiteriez-vous voir le plus dans 25 ans ? Choisissez-en trois au plus.",
      "¿Qué le gustaría ver dentro de 25 años? Elija hasta tres.",
      "ما الذي تودّ أن تراه أكثر من غيره بعد 25 عامًا؟ اختر ثلاثة على الأكثر.",
      "25 年后，您最希望看到什么？最多选择三项。",
      "Что вы больше всего хотели бы увидеть через 25 лет? Выберите не более трёх вариантов.",
    ),
    options: [
      { id: "climate", label: tx("More environmental protection", "Plus de protection de l'environnement", "Más protección del medio ambiente", "مزيد من حماية البيئة", "更多的环境保护", "Больше защиты окружающей среды") },
      { id: "health", label: tx("Better access to healthcare", "Un meilleur accès aux soins", "Mejor acceso a la atención de salud", "وصول أفضل إلى الرعاية الصحية", "更好地获得医疗服务", "Лучший доступ к здравоохранению") },
      { id: "education", label: tx("Better access to education", "Un meilleur accès à l'éducation", "Mejor acceso a la educación", "وصول أفضل إلى التعليم", "更好地获得教育", "Лучший доступ к образованию") },
      { id: "rights", label: tx("More respect for human rights", "Plus de respect des droits humains", "Más respeto por los derechos humanos", "مزيد من احترام حقوق الإنسان", "更加尊重人权", "Больше уважения к правам человека") },
      { id: "peace", label: tx("Less conflict", "Moins de conflits", "Menos conflictos", "نزاعات أقل", "更少的冲突", "Меньше конфликтов") },
    ],
  },
  {
    id: "cooperation",
    type: "likert",
    scale: 5,
    text: tx(
      "Countries working together is essential to deal with today's challenges.",
      "La coopération entre les pays est indispensable pour relever les défis d'aujourd'hui.",
      "La cooperación entre países es esencial para afrontar los desafíos actuales.",
      "إن تعاون البلدان فيما بينها ضروري لمواجهة تحديات اليوم.",
      "各国携手合作对于应对当今的挑战至关重要。",
      "Сотрудничество между странами необходимо для решения сегодняшних проблем.",
    ),
    scaleLabels: agreeScale,
  },
  {
    id: "hope",
    type: "rating",
    text: tx(
      "How hopeful are you about the future, from 0 to 10?",
      "Sur une échelle de 0 à 10, dans quelle mesure êtes-vous optimiste pour l'avenir ?",
      "Del 0 al 10, ¿cuánta esperanza tiene en el futuro?",
      "على مقياس من 0 إلى 10، ما مدى تفاؤلك بالمستقبل؟",
      "从 0 到 10，您对未来抱有多大希望？",
      "Насколько вы оптимистично смотрите в будущее, по шкале от 0 до 10?",
    ),
  },
  {
    id: "order",
    type: "ranking",
    text: tx(
      "Put these in the order the world should act on them.",
      "Classez ces sujets dans l'ordre où le monde devrait s'en occuper.",
      "Ordene estos temas según la prioridad con que el mundo debería abordarlos.",
      "رتّب هذه القضايا بحسب الأولوية التي ينبغي أن يتصدى لها العالم.",
      "请按照世界应当采取行动的先后顺序排列以下事项。",
      "Расположите эти задачи в том порядке, в котором миру следует ими заняться.",
    ),
    options: [
      { id: "poverty", label: tx("Ending poverty", "Mettre fin à la pauvreté", "Acabar con la pobreza", "القضاء على الفقر", "消除贫困", "Искоренение нищеты") },
      { id: "climate", label: tx("Climate change", "Le changement climatique", "El cambio climático", "تغير المناخ", "气候变化", "Изменение климата") },
      { id: "inequality", label: tx("Inequality", "Les inégalités", "La desigualdad", "عدم المساواة", "不平等", "Неравенство") },
    ],
  },
  {
    id: "one_thing",
    type: "shortText",
    text: tx(
      "In a few words: what should be done first?",
      "En quelques mots : que faudrait-il faire en premier ?",
      "En pocas palabras: ¿qué debería hacerse primero?",
      "باختصار: ما الذي ينبغي القيام به أولًا؟",
      "简而言之：首先应该做什么？",
      "В нескольких словах: что нужно сделать в первую очередь?",
    ),
  },
  { id: "where", type: "country", text: tx("Where do you live?", "Où vivez-vous ?", "¿Dónde vive?", "أين تقيم؟", "您住在哪里？", "Где вы живёте?") },
  {
    id: "household",
    type: "number",
    min: 1,
    max: 50,
    text: tx(
      "How many people live in your household?",
      "Combien de personnes vivent dans votre foyer ?",
      "¿Cuántas personas viven en su hogar?",
      "كم عدد الأشخاص الذين يعيشون في أسرتك المعيشية؟",
      "您家中有几口人？",
      "Сколько человек живёт в вашем домохозяйстве?",
    ),
  },
];

export const guidanceSurvey = [
  {
    id: "useful",
    type: "likert",
    scale: 5,
    required: true,
    text: tx(
      "The draft guidance would be useful to my organisation.",
      "Le projet de lignes directrices serait utile à mon organisation.",
      "El proyecto de directrices sería útil para mi organización.",
      "سيكون مشروع التوجيهات مفيدًا لمنظمتي.",
      "该指南草案将对我所在的组织有用。",
      "Проект руководства был бы полезен моей организации.",
    ),
    scaleLabels: agreeScale,
  },
  {
    id: "period",
    type: "single",
    required: true,
    text: tx(
      "What minimum comment period should the guidance recommend?",
      "Quelle durée minimale de consultation les lignes directrices devraient-elles recommander ?",
      "¿Qué plazo mínimo de comentarios deberían recomendar las directrices?",
      "ما الحد الأدنى لفترة التعليق الذي ينبغي أن توصي به التوجيهات؟",
      "指南应建议的最短意见征集期是多长？",
      "Какой минимальный срок для замечаний должно рекомендовать руководство?",
    ),
    options: [
      { id: "six", label: tx("Six weeks", "Six semaines", "Seis semanas", "ستة أسابيع", "六周", "Шесть недель") },
      { id: "twelve", label: tx("Twelve weeks", "Douze semaines", "Doce semanas", "اثنا عشر أسبوعًا", "十二周", "Двенадцать недель") },
      { id: "depends", label: tx("It depends on the draft", "Cela dépend du projet", "Depende del borrador", "يتوقف ذلك على المشروع", "视草案而定", "Зависит от документа") },
    ],
  },
  {
    id: "missing",
    type: "longText",
    text: tx(
      "What is missing from the draft?",
      "Que manque-t-il dans le projet ?",
      "¿Qué falta en el borrador?",
      "ما الذي ينقص المشروع؟",
      "草案中缺少什么？",
      "Чего не хватает в проекте?",
    ),
  },
];

/** The demo surveys' titles and descriptions in the six UN languages (English is the original). */
export const surveyTitles = {
  futureWeWant: {
    title: tx(
      "The future we want: a one-minute survey",
      "L'avenir que nous voulons : une enquête d'une minute",
      "El futuro que queremos: una encuesta de un minuto",
      "المستقبل الذي نريده: استبيان مدته دقيقة واحدة",
      "我们想要的未来：一分钟问卷",
      "Будущее, которого мы хотим: опрос на одну минуту",
    ),
    description: tx(
      "An always-open survey: tell the Global Digital Policy Forum what future you want and what should be done. It takes about a minute; no account needed.",
      "Une enquête toujours ouverte : dites au Forum mondial des politiques numériques quel avenir vous voulez et ce qu'il faudrait faire. Elle prend environ une minute ; aucun compte n'est nécessaire.",
      "Una encuesta siempre abierta: diga al Foro Mundial de Políticas Digitales qué futuro quiere y qué debería hacerse. Toma alrededor de un minuto; no necesita una cuenta.",
      "استبيان مفتوح دائمًا: أخبر المنتدى العالمي للسياسات الرقمية بالمستقبل الذي تريده وبما ينبغي فعله. يستغرق نحو دقيقة واحدة، ولا حاجة إلى حساب.",
      "一项长期开放的问卷：告诉全球数字政策论坛您想要怎样的未来，以及应该做些什么。大约需要一分钟，无需注册账户。",
      "Постоянно открытый опрос: расскажите Глобальному форуму по цифровой политике, какого будущего вы хотите и что нужно сделать. Это займёт около минуты; учётная запись не нужна.",
    ),
  },
  guidance: {
    title: tx(
      "Three questions on the participation guidance",
      "Trois questions sur les orientations relatives à la participation",
      "Tres preguntas sobre la guía de participación",
      "ثلاثة أسئلة حول إرشادات المشاركة",
      "关于参与指南的三个问题",
      "Три вопроса о руководстве по участию",
    ),
    description: tx(
      "A short survey alongside the consultation on GDPF-RFC-2026-004. Signed-in stakeholders only.",
      "Une courte enquête accompagnant la consultation sur GDPF-RFC-2026-004. Réservée aux parties prenantes connectées.",
      "Una breve encuesta que acompaña la consulta sobre GDPF-RFC-2026-004. Solo para partes interesadas que hayan iniciado sesión.",
      "استبيان قصير مرافق للتشاور بشأن GDPF-RFC-2026-004. مخصص لأصحاب المصلحة الذين سجّلوا الدخول فقط.",
      "配合 GDPF-RFC-2026-004 征求意见的简短问卷。仅限已登录的利益相关方。",
      "Короткий опрос в дополнение к консультации по GDPF-RFC-2026-004. Только для вошедших в систему заинтересованных сторон.",
    ),
  },
} as const;
