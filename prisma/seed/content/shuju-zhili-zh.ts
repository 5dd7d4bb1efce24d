// A demo consultation written in Chinese by the Parley team, so the reading view, direction
// handling and Chinese search show on real content (searching "数据" or "公众" finds it).

export const shujuZhili = {
  reference: "GDPF-RFC-2026-008",
  language: "zh",
  title: "公共部门数据共享与个人信息保护指南（征求意见稿）",
  abstract: "本草案提出政府部门之间共享数据时应遵循的原则：明确目的、最少必要、公开透明，并保障公众查询与更正个人信息的权利。",
  topics: ["数据治理", "个人信息保护"],
  authors: ["Mei Chen"],
  body: `# 目的

为规范公共部门之间的数据共享，提升公共服务效率，同时保护个人信息安全，制定本指南。

# 基本原则

## 目的明确

每一次数据共享都应当具有明确、合法的目的，并在共享前书面记录。

## 最少必要

共享的数据应当限于实现目的所必需的范围。能够使用统计数据的，不得共享个人层面的数据。

## 公开透明

- 各部门应当公布其参与的数据共享清单。
- 公众有权查询哪些部门获得了本人的信息。
- 公众发现信息有误的，可以申请更正。

# 监督与评估

数据共享协议每两年评估一次，评估报告向社会公开，并听取公众意见。
`,
} as const;
