// The demo accounts (one per role) the demo seed creates, all with the same password. Kept apart from
// prisma/seed/demo.ts so tests can name them without loading the seed and its content.
export const demoPassword = "parley-demo-2026";

export const demoAccounts = {
  admin: "admin@parley.example",
  owner: "owner@parley.example",
  editor: "editor@parley.example",
  moderator: "moderator@parley.example",
  stakeholder: "stakeholder@parley.example",
} as const;
