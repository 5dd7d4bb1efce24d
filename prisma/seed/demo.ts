// The demo content `npm start` shows on a fresh embedded database. Written by the Parley team.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { publishVersion } from "../../lib/drafts/publish-version";
import { seedDraft, seedMembership, seedOrganisation, seedUser } from "./builders";
import { seedSummaryDemo } from "./summary-demo";
import { ZDefinition } from "../../lib/surveys/definition";
import { participationGuidanceV0, participationGuidanceV1 } from "./content/participation-guidance";
import { futureWeWant, guidanceSurvey, surveyTitles } from "./content/surveys";
import { consultaParticipacion } from "./content/consulta-participacion-es";
import { shujuZhili } from "./content/shuju-zhili-zh";

import { demoAccounts, demoPassword } from "./demo-accounts";

export { demoAccounts, demoPassword };

const day = 24 * 60 * 60 * 1000;

export async function seedDemo(db: PrismaClient): Promise<void> {
  // Demo content is only created once; a person's later edits to it are left alone.
  if (await db.organisation.findUnique({ where: { slug: "global-digital-policy-forum" }, select: { id: true } })) return;

  const forum = await seedOrganisation(db, {
    slug: "global-digital-policy-forum",
    name: "Global Digital Policy Forum",
    description:
      "An intergovernmental forum that drafts voluntary guidance on digital public infrastructure, data governance and online participation.",
    referencePrefix: "GDPF-RFC",
    website: "https://parley.example/gdpf",
  });
  const institute = await seedOrganisation(db, {
    slug: "open-standards-institute",
    name: "Open Standards Institute",
    description: "A standards body for interoperable public-sector data formats.",
    referencePrefix: "OSI-RFC",
  });

  const [admin, owner, editor, moderator, stakeholder] = await Promise.all([
    seedUser(db, { email: demoAccounts.admin, name: "Platform Administrator", password: demoPassword, isPlatformAdmin: true, stakeholderGroup: "TECHNICAL_COMMUNITY" }),
    seedUser(db, { email: demoAccounts.owner, name: "Amina Diallo", password: demoPassword, stakeholderGroup: "INTERGOVERNMENTAL", country: "SN", affiliation: "Global Digital Policy Forum" }),
    seedUser(db, { email: demoAccounts.editor, name: "Lucas Moreau", password: demoPassword, stakeholderGroup: "INTERGOVERNMENTAL", country: "FR", affiliation: "Global Digital Policy Forum" }),
    seedUser(db, { email: demoAccounts.moderator, name: "Mei Chen", password: demoPassword, stakeholderGroup: "INTERGOVERNMENTAL", country: "SG", affiliation: "Global Digital Policy Forum" }),
    seedUser(db, { email: demoAccounts.stakeholder, name: "Carlos Ruiz", password: demoPassword, stakeholderGroup: "CIVIL_SOCIETY", country: "MX", affiliation: "Red por la Participación Digital" }),
  ]);
  void admin;
  void stakeholder;
  // Domain functions the seed calls (analysis, publishing) use this same client.
  (globalThis as unknown as { parleyPrisma?: PrismaClient }).parleyPrisma ??= db;
  await seedMembership(db, forum.id, owner.id, "OWNER");
  await seedMembership(db, forum.id, editor.id, "EDITOR");
  await seedMembership(db, forum.id, moderator.id, "MODERATOR");
  await seedMembership(db, institute.id, owner.id, "OWNER");

  const now = Date.now();
  const guidance = await seedDraft(db, {
    organisationId: forum.id,
    reference: "GDPF-RFC-2026-004",
    title: "Guidance on meaningful public participation in digital policy-making",
    abstract:
      "This draft sets out principles and practical steps for governments and intergovernmental bodies that consult the public online: who to reach, how to design a fair consultation, how to weigh responses, and how to report back on what was done with them.",
    topics: ["participation", "open government", "accessibility"],
    authors: ["Amina Diallo", "Lucas Moreau"],
    timeZone: "Europe/Zurich",
    status: "OPEN",
    opensAt: new Date(now - 7 * day),
    closesAt: new Date(now + 45 * day),
  });
  await seedVersions(db, guidance.id, editor.id, [
    { body: participationGuidanceV0, changeNote: "" },
    { body: participationGuidanceV1, changeNote: "Adds a section on languages, sets a six-week minimum comment period and asks for captions on videos, following early comments." },
  ]);
  await seedDemoSurveys(db, forum.id, guidance.id);
  await db.draftEvent.createMany({
    data: [
      { draftId: guidance.id, type: "CREATED", toStatus: "DRAFT", actorId: editor.id, createdAt: new Date(now - 10 * day) },
      { draftId: guidance.id, type: "OPENED", fromStatus: "DRAFT", toStatus: "OPEN", actorId: owner.id, createdAt: new Date(now - 7 * day) },
    ],
  });
  await seedDraft(db, {
    organisationId: forum.id,
    reference: "GDPF-RFC-2026-005",
    title: "Principles for trustworthy digital identity in cross-border public services",
    abstract:
      "A short set of principles for digital identity schemes used across borders: consent, minimal disclosure, inclusion of people without documents, redress, and the governance of trust frameworks.",
    topics: ["digital identity", "cross-border services"],
    status: "OPEN",
    opensAt: new Date(now - 2 * day),
    closesAt: new Date(now + 30 * day),
  }).then((d) => seedVersions(db, d.id, editor.id, [{ body: identityPrinciples, changeNote: "" }]));
  await seedDraft(db, {
    organisationId: institute.id,
    reference: "OSI-RFC-2026-001",
    title: "A common format for publishing consultation responses as open data",
    abstract: "A data format so that the responses to a public consultation can be published, compared and reused across platforms.",
    topics: ["open data", "interoperability"],
    status: "OPEN",
    opensAt: new Date(now - 1 * day),
    closesAt: new Date(now + 60 * day),
  }).then((d) => seedVersions(db, d.id, owner.id, [{ body: responsesFormat, changeNote: "" }]));
  for (const content of [consultaParticipacion, shujuZhili]) {
    const { body, ...fields } = content;
    await seedDraft(db, {
      ...fields,
      topics: [...fields.topics],
      authors: [...fields.authors],
      organisationId: forum.id,
      status: "OPEN",
      opensAt: new Date(now - 3 * day),
      closesAt: new Date(now + 40 * day),
    }).then((d) => seedVersions(db, d.id, editor.id, [{ body, changeNote: "" }]));
  }
  await seedSummaryDemo(db, forum.id, editor.id, moderator.id);
  await seedDraft(db, {
    organisationId: forum.id,
    reference: "GDPF-RFC-2026-006",
    title: "Internal working draft: accessibility of consultation platforms",
    abstract: "Not yet published; visible only to the forum's members.",
    body: "# Purpose\n\nThis working draft collects the accessibility requirements the forum will ask consultation platforms to meet.\n",
    status: "DRAFT",
  });
}

export const demoSurveySlugs = { permanent: "future-we-want", draft: "gdpf-rfc-2026-004-survey" } as const;

/** The demo surveys; their questions go through the same schema as the builder's. */
export async function seedDemoSurveys(db: PrismaClient, forumId: string, draftId: string) {
  await db.survey.upsert({
    where: { slug: demoSurveySlugs.permanent },
    create: {
      organisationId: forumId,
      slug: demoSurveySlugs.permanent,
      title: surveyTitles.futureWeWant.title.en,
      description: surveyTitles.futureWeWant.description.en,
      titleI18n: surveyTitles.futureWeWant.title,
      descriptionI18n: surveyTitles.futureWeWant.description,
      status: "OPEN",
      allowAnonymous: true,
      publicResults: true,
      demographics: ["ageBand", "gender", "country", "group", "education"],
      definition: ZDefinition.parse(futureWeWant),
    },
    update: {},
  });
  await db.survey.upsert({
    where: { slug: demoSurveySlugs.draft },
    create: {
      organisationId: forumId,
      draftId,
      slug: demoSurveySlugs.draft,
      title: surveyTitles.guidance.title.en,
      description: surveyTitles.guidance.description.en,
      titleI18n: surveyTitles.guidance.title,
      descriptionI18n: surveyTitles.guidance.description,
      status: "OPEN",
      definition: ZDefinition.parse(guidanceSurvey),
    },
    update: {},
  });
}

/** Publishes each text as the next version through the same code path editors use. */
async function seedVersions(db: PrismaClient, draftId: string, actorId: string, versions: Array<{ body: string; changeNote: string }>) {
  for (const v of versions) {
    await db.$transaction(async (tx) => {
      const draft = await tx.draft.update({
        where: { id: draftId },
        data: { body: v.body },
        select: { id: true, title: true, abstract: true, body: true, language: true, currentVersion: true },
      });
      await publishVersion(tx, draft, actorId, v.changeNote);
    });
  }
}

const identityPrinciples = `# Purpose

Digital identity schemes increasingly serve people who cross borders to work, study or seek protection. These principles describe what a trustworthy cross-border scheme looks like from the point of view of the person being identified.

# Principles

## Consent and control

People should know when their identity is checked, by whom and for what purpose, and should be able to refuse checks that are not required by law.

## Minimal disclosure

A service should ask only for the attributes it needs. Proving that a person is over eighteen should not require disclosing their date of birth.

## Inclusion

No one should be excluded from an essential public service because they lack a digital identity. An assisted, offline route must remain available.

## Redress

People should have a simple way to correct wrong data and to challenge decisions based on it, in every country that relies on the scheme.
`;

const responsesFormat = `# Introduction

Consultation responses are public records in many jurisdictions, yet they are published in formats that make comparison across consultations almost impossible. This draft proposes a common format.

# The format

## Records

Each response is one record with an identifier, the consultation reference, the paragraph anchor it refers to, the respondent's stakeholder group and country, and the text.

## Privacy

Names of individuals are omitted unless they chose to publish them. Organisations are named.

# Conformance

A platform conforms if it can export every public response of a consultation in this format.
`;
