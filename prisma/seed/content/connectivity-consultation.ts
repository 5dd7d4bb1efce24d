/**
 * A closed demo consultation with a few hundred responses, written for Parley's demo: the
 * moderators' summary workspace needs enough comments and votes to show themes, campaigns, opinion
 * groups and consensus. Comments are composed from the sentences below, deterministically.
 */
export const connectivityDraft = {
  reference: "GDPF-RFC-2026-003",
  title: "Recommendations on affordable and meaningful connectivity",
  abstract:
    "Recommendations for governments and regulators on closing connectivity gaps: affordability targets, rural and community networks, spectrum, digital skills, and how progress is measured and reported.",
  topics: ["connectivity", "infrastructure", "digital inclusion"],
  body: `# Scope

These recommendations address governments, regulators and intergovernmental bodies that plan national broadband and connectivity strategies.

They apply to fixed and mobile networks, and to community networks run by local organisations.

# Affordability

Entry-level mobile broadband should cost less than two per cent of average monthly income.

Governments should review taxes and fees on devices and services that make connectivity unaffordable for low-income households.

# Rural and community networks

Universal service funds should finance networks in rural and remote areas where commercial operators do not invest.

Licensing rules should allow community networks to operate on simple terms and at low cost.

# Spectrum

Regulators should assign spectrum in ways that encourage competition and coverage obligations.

A share of spectrum should be reserved for community and non-profit operators in underserved areas.

# Digital skills

Connectivity programmes should include digital skills training, with particular attention to women, older people and persons with disabilities.

# Accountability

Governments should publish connectivity targets, measure progress every year, and report it openly with data disaggregated by gender, region and income.
`,
};

type Lean = "market" | "public" | "shared";
type Kind = "SUPPORT" | "CONCERN" | "QUESTION" | "CHANGE";

/** Opinions per paragraph: [anchor, lean, kind, sentence]. */
const opinions: [string | null, Lean, Kind, string][] = [
  ["p-2.1", "shared", "SUPPORT", "An affordability target of two per cent of monthly income is the right benchmark and easy to explain."],
  ["p-2.1", "public", "CHANGE", "The affordability target should be one per cent of income, not two, for the poorest households."],
  ["p-2.1", "market", "CONCERN", "A fixed price target risks becoming price regulation that discourages operators from investing."],
  ["p-2.2", "shared", "SUPPORT", "Import duties on smartphones keep the poorest households offline; removing them would help quickly."],
  ["p-2.2", "market", "SUPPORT", "Sector-specific taxes on operators are passed on to customers and should be abolished."],
  ["p-2.2", "public", "CONCERN", "Cutting taxes on operators does not guarantee lower prices; savings must be passed on to users."],
  ["p-3.1", "public", "SUPPORT", "Universal service funds sit unused in many countries; they should finance rural networks directly."],
  ["p-3.1", "market", "CHANGE", "Universal service funds should be allocated through reverse auctions open to all operators."],
  ["p-3.1", "shared", "QUESTION", "How will universal service funds be audited so that rural communities can see where the money goes?"],
  ["p-3.2", "public", "SUPPORT", "Community networks connect villages that no commercial operator will ever serve; licensing must be simple."],
  ["p-3.2", "market", "CONCERN", "Community networks should meet the same quality and security obligations as commercial operators."],
  ["p-3.2", "shared", "SUPPORT", "Local organisations need training and seed funding to run community networks sustainably."],
  ["p-4.1", "market", "SUPPORT", "Spectrum auctions with coverage obligations have brought 4G to rural areas faster than any subsidy."],
  ["p-4.1", "public", "CONCERN", "High spectrum auction prices drain money that operators would otherwise invest in rural coverage."],
  ["p-4.2", "public", "SUPPORT", "Reserving spectrum for community operators is essential; unused licensed spectrum should be shared."],
  ["p-4.2", "market", "CONCERN", "Reserving spectrum fragments the bands and reduces the capacity available for everyone."],
  ["p-5.1", "shared", "SUPPORT", "Digital skills training should be free and offered in local languages in libraries and schools."],
  ["p-5.1", "shared", "CHANGE", "Add a recommendation on accessible devices and assistive technology for persons with disabilities."],
  ["p-5.1", "public", "SUPPORT", "Women in rural areas face the largest skills gap; training must be designed with them."],
  ["p-6.1", "shared", "SUPPORT", "Connectivity data disaggregated by gender, region and income is the only way to see who is left behind."],
  ["p-6.1", "shared", "QUESTION", "Who will verify the progress reports, and will civil society be involved in measuring coverage?"],
  ["p-6.1", "market", "CONCERN", "Annual reporting obligations add costs for small operators; reporting every two years would be enough."],
  [null, "shared", "SUPPORT", "Overall this is a balanced and practical set of recommendations for connectivity strategies."],
  [null, "public", "CONCERN", "The recommendations rely too much on private operators and say too little about public investment."],
  [null, "market", "CONCERN", "The recommendations underestimate the role of private investment and competition in closing the gap."],
];

const contexts = [
  "In our view",
  "From our experience",
  "Speaking for our members",
  "Based on our research",
  "As a national regulator",
  "After consulting our community",
  "Having read the draft carefully",
  "To put it simply",
];

/** Second sentences: the reasons and experience people add, so no two comments read alike. */
const reasons = [
  "We have seen this work when ministries and local groups plan together from the start.",
  "Our surveys show that cost, not coverage, is what keeps most households offline.",
  "Small providers tell us the paperwork alone takes months and discourages them.",
  "Experience from neighbouring countries points the same way, although results took years.",
  "Without clear timelines and budgets this will remain a statement of intent.",
  "Young people and women are the first to lose out when this is ignored.",
  "The evidence from pilot projects is encouraging but still thin.",
  "Regulators need the staff and independence to enforce whatever is decided.",
  "Please consult the people who will live with these choices before finalising the text.",
  "Investment decisions are made for ten years, so predictability matters more than speed.",
  "Local authorities should have a say, as they know where the gaps are.",
  "This deserves a concrete example in the final text so that readers understand it.",
  "A short guidance note for implementers would help.",
  "We raised the same point at the regional meeting last spring.",
  "It would be good to align this with existing national plans.",
  "Our members disagree on the details but share the objective.",
  "Fifteen years of work in this field lead us to this view.",
  "The text could be clearer for non-specialist readers.",
  "This is where most complaints we receive come from.",
  "Any change should be reviewed after three years.",
  "Several of our partners have written to us about exactly this.",
  "A transition period of two years seems reasonable.",
  "Donors are ready to support this if governments commit.",
  "We tested this approach in two provinces with mixed results.",
];
const closings = ["", "Thank you for the opportunity to comment.", "We are happy to share our data.", "We would welcome a follow-up discussion.", "This is our main concern.", ""];

const campaignLetter =
  "We, community network operators and the people we connect, ask the Forum to reserve spectrum for community networks in underserved areas and to license them on simple terms. Without this, our villages will stay offline.";
const cities = ["Oaxaca", "Kisumu", "Cusco", "Jaffna", "Tamale", "Sucre", "Gulu", "Ilocos", "Chiapas", "Puno"];

export const demoGroups = ["GOVERNMENT", "CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "INDIVIDUAL"] as const;
/** Participants per group: no intergovernmental respondents and few individuals, so the workspace warns. */
const groupSizes: Record<(typeof demoGroups)[number], number> = { GOVERNMENT: 30, CIVIL_SOCIETY: 45, ACADEMIA: 25, PRIVATE_SECTOR: 30, TECHNICAL_COMMUNITY: 25, INDIVIDUAL: 5 };
const countries = ["KE", "NG", "IN", "BR", "MX", "FR", "DE", "US", "CA", "JP", "ID", "PH", "CO", "PE", "GB", "ES", "ZA", "GH", "BD", "CN"];

/** Deterministic pseudo-random numbers (mulberry32), so the demo is the same on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DemoParticipant = { key: string; group: (typeof demoGroups)[number]; country: string; camp: "market" | "public" };
export type DemoComment = { author: number; anchor: string | null; kind: Kind; body: string; lean: Lean; daysAgo: number };

export function connectivityResponses() {
  const rnd = random(2026);
  const participants: DemoParticipant[] = [];
  for (const group of demoGroups) {
    for (let i = 0; i < groupSizes[group]; i++) {
      const marketShare = group === "PRIVATE_SECTOR" ? 0.85 : group === "CIVIL_SOCIETY" ? 0.15 : 0.5;
      participants.push({ key: `${group.toLowerCase().replace(/_/g, "-")}-${i + 1}`, group, country: countries[Math.floor(rnd() * countries.length)]!, camp: rnd() < marketShare ? "market" : "public" });
    }
  }
  const comments: DemoComment[] = [];
  const used = new Set<string>();
  for (let i = 0; i < 230; i++) {
    const author = Math.floor(rnd() * participants.length);
    const camp = participants[author]!.camp;
    const fitting = opinions.filter(([, lean]) => lean === "shared" || lean === camp);
    let pick = fitting[Math.floor(rnd() * fitting.length)]!;
    let reason = reasons[Math.floor(rnd() * reasons.length)]!;
    for (let attempt = 0; attempt < 20 && used.has(`${pick[3]}|${reason}`); attempt++) {
      pick = fitting[Math.floor(rnd() * fitting.length)]!;
      reason = reasons[Math.floor(rnd() * reasons.length)]!;
    }
    used.add(`${pick[3]}|${reason}`);
    const [anchor, lean, kind, sentence] = pick;
    const closing = closings[Math.floor(rnd() * closings.length)]!;
    const body = `${contexts[Math.floor(rnd() * contexts.length)]}, ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)} ${reason} ${closing}`.trim();
    comments.push({ author, anchor, kind, lean, body, daysAgo: 3 + Math.floor(rnd() * 40) });
  }
  for (let i = 0; i < 40; i++) {
    const author = Math.floor(rnd() * participants.length);
    comments.push({ author, anchor: "p-4.2", kind: "SUPPORT", lean: "public", body: `${campaignLetter} (${cities[i % cities.length]})`, daysAgo: 3 + Math.floor(rnd() * 10) });
  }
  // Votes: each participant votes on about 40 comments, agreeing with their own camp and with shared points.
  const votes: { voter: number; comment: number; value: "AGREE" | "DISAGREE" | "PASS" }[] = [];
  participants.forEach((p, voter) => {
    const seen = new Set<number>();
    for (let k = 0; k < 40; k++) {
      const c = Math.floor(rnd() * comments.length);
      if (seen.has(c) || comments[c]!.author === voter) continue;
      seen.add(c);
      const lean = comments[c]!.lean;
      const agreeP = lean === "shared" ? 0.85 : lean === p.camp ? 0.85 : 0.12;
      const r = rnd();
      votes.push({ voter, comment: c, value: r < 0.08 ? "PASS" : rnd() < agreeP ? "AGREE" : "DISAGREE" });
    }
  });
  const positions = participants.map((p, i) => ({ participant: i, value: (p.camp === "public" ? ["SUPPORT_WITH_CHANGES", "SUPPORT", "OPPOSE"] : ["SUPPORT", "SUPPORT_WITH_CHANGES", "NO_POSITION"])[Math.floor(rnd() * 3)] as "SUPPORT" | "SUPPORT_WITH_CHANGES" | "OPPOSE" | "NO_POSITION" }));
  return { participants, comments, votes, positions };
}
