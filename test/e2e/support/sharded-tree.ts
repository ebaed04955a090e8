import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFiles } from "../../support/fixture-tree.ts";

/** An element's folder data: every page in the folder belongs to the element. */
const element = (heading: string, hub: string, id: number) => `heading: ${heading}
elementId: ${id}
elementKey: ${heading.replace(/\W/g, "").toLowerCase()}
hub: ${hub}
layout: sidebarelementdoc
breadcrumbs: /docs/elements.html
parent: Back to Element Guides
`;
const page = (title: string, order: number, body: string) => `---\ntitle: ${title}\norder: ${order}\n---\n# ${title}\n\n${body}\n`;

/**
 * Four elements in three hubs, one with Korean pages. "walrus" is on every page; "quokka" on one page of shard 2;
 * "narwhal" on a page of shard 2 and one of shard 3; "펭귄" on the Korean pages, all in shard 3, so that the first
 * bundle has no Korean index at all.
 */
export function shardedTree(): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-sharded-search-"));
  writeFiles(tree, {
    "_config.yml": "title: Acme Guides\nurl: https://guides.example.test\nlanguages: [en, ko]\ndefault_lang: en\n",
    "_data/hubs.yml": "- key: crm\n  name: CRM\n- key: helpdesk\n  name: Helpdesk\n- key: payments\n  name: Payments\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nEvery walrus guide.\n",
    "docs/elements/acme-crm/acme-crm.11tydata.yml": element("Acme CRM", "crm", 9001),
    "docs/elements/acme-crm/index.md": page("Overview", 1, "Acme keeps a walrus of contacts."),
    "docs/elements/acme-crm/events.md": page("Events", 2, "Acme sends a walrus of events by webhook."),
    "docs/elements/bolt-crm/bolt-crm.11tydata.yml": element("Bolt CRM", "crm", 9002),
    "docs/elements/bolt-crm/index.md": page("Overview", 1, "Bolt syncs walrus accounts and narwhal deals."),
    "docs/elements/bolt-crm/events.md": page("Events", 2, "Bolt polls for walrus changes; a quokka waits."),
    "docs/elements/dune-pay/dune-pay.11tydata.yml": element("Dune Pay", "payments", 9003),
    "docs/elements/dune-pay/index.md": page("Overview", 1, "Dune takes walrus payments."),
    "docs/elements/dune-pay/refunds.md": page("Refunds", 2, "Dune refunds walrus payments."),
    "docs/elements/cedar-desk/cedar-desk.11tydata.yml": element("Cedar Desk", "helpdesk", 9004),
    "docs/elements/cedar-desk/index.md": page("Overview", 1, "Cedar files walrus tickets."),
    "docs/elements/cedar-desk/events.md": page("Events", 2, "Cedar sends walrus events and narwhal alerts."),
    "docs/elements/cedar-desk/ko/index.md": page("개요", 1, "Cedar는 walrus 티켓과 펭귄 데이터를 관리합니다."),
    "docs/elements/cedar-desk/ko/events.md": page("이벤트", 2, "Cedar는 walrus 이벤트와 펭귄 알림을 보냅니다."),
  });
  return tree;
}
