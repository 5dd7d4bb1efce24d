// Demo text written by the Parley team for the seeded consultation GDPF-RFC-2026-004.
// Version -00 is the text as first opened for comment; -01 revises it after early feedback.

export const participationGuidanceV0 = `# Introduction

Public consultation is one of the oldest tools of open government, and one of the most often misused. A consultation that is announced late, written in specialist language and closed before most people have heard of it produces a record of participation without the substance of it.

This guidance sets out what the Global Digital Policy Forum expects of its members when they consult the public online on digital policy. It draws on the experience of national governments, intergovernmental organisations and standards bodies that publish drafts for comment, and on the practice of the technical community, where drafts are revised in public until rough consensus is reached.

The guidance is voluntary. It does not replace national law on administrative procedure or access to information, and where national law sets a higher standard, that standard applies.

# Scope

This guidance applies to any consultation in which a member asks the public, or a defined group of stakeholders, to comment on a draft policy, regulation, standard or guidance document relating to digital technology.

It covers consultations run on a dedicated platform, by email or through a survey. It does not cover closed expert meetings, although members are encouraged to publish a summary of such meetings where they inform a public draft.

# Principles

## Reach

A consultation should reach the people who will be affected by the decision, not only those who already follow the issue. Members should identify the stakeholder groups concerned before the consultation opens: governments, intergovernmental organisations, civil society, academia, the private sector, the technical community and individuals.

Members should announce the consultation through channels these groups actually use, in the languages they read. Where a group is known to be hard to reach, such as people without reliable internet access, members should offer an alternative way to respond.

## Clarity

The draft should be written so that a non-specialist can understand what is proposed and why. Each section should state its purpose in its first paragraph. Technical terms should be defined where they are first used.

The consultation page should say who is consulting, what decision the consultation will inform, what is already decided and therefore not open for comment, and when and how the results will be published.

## Time

Participants need time to read, discuss within their own organisations and respond. A consultation on a substantial draft should stay open for at least twelve weeks. Shorter periods should be explained.

Where a consultation overlaps with major holidays or with other consultations aimed at the same groups, members should consider extending it.

## Fairness

Every response should be read. Responses should be weighed on the strength of their arguments and evidence, not on the number of times the same point is made. Coordinated campaigns should be recognised as such and counted once per distinct argument, while still being reported.

Members should record which stakeholder group each response comes from, so that the summary can show whether a view is shared across groups or held by one.

# Designing the consultation

## Structure of the draft

Drafts should be divided into numbered sections and paragraphs so that participants can refer precisely to the text they are commenting on. Each paragraph should have a stable reference that does not change when the draft is revised.

Members should publish revisions as new versions rather than editing the text in place, and should keep earlier versions available so that participants can see what changed.

## Questions

Where the consultation asks specific questions, they should be neutral, they should not presuppose an answer, and each should be answerable on its own. Open questions should come before closed ones on the same topic.

## Accessibility

Consultation pages and documents should meet the Web Content Accessibility Guidelines at level AA. Documents should be available in formats that work with assistive technology, and not only as scanned images.

# Weighing and reporting

## Summary of responses

Within three months of the close of the consultation, the member should publish a summary of the responses received. The summary should describe the main themes, the range of views expressed and the stakeholder groups that expressed them.

## Reasons

For each significant proposal made by participants, the summary should say whether it was accepted, partly accepted or not accepted, and why. Participants are more willing to take part again when they can see that their contribution was considered, even where it was not adopted.

# Review

The Forum will review this guidance two years after its adoption, in the light of members' experience in applying it.
`;

export const participationGuidanceV1 = participationGuidanceV0
  .replace(
    "A consultation on a substantial draft should stay open for at least twelve weeks. Shorter periods should be explained.",
    "A consultation on a substantial draft should stay open for at least twelve weeks, and never less than six. Shorter periods should be explained on the consultation page.",
  )
  .replace(
    "## Questions\n",
    "## Languages\n\nMembers should publish the draft in the working languages of the stakeholders concerned and accept responses in any of them. Machine translation may help participants read the draft, but the authoritative versions should be reviewed by a translator.\n\n## Questions\n",
  )
  .replace(
    "Within three months of the close of the consultation, the member should publish a summary",
    "Within three months of the close of the consultation, the member should publish a balanced summary",
  )
  .replace(
    "Documents should be available in formats that work with assistive technology, and not only as scanned images.",
    "Documents should be available in formats that work with assistive technology, and not only as scanned images. Videos should have captions.",
  );
