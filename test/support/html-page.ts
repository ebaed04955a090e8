import fs from "node:fs";
import path from "node:path";
import { selectAll, selectOne } from "css-select";
import type { AnyNode, Document, Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";

/** A written HTML file, parsed, with the few queries tests need. */
export class HtmlPage {
  readonly document: Document;

  constructor(readonly html: string) {
    this.document = parseDocument(html);
  }

  static read(outDir: string, rel: string): HtmlPage {
    return new HtmlPage(fs.readFileSync(path.join(outDir, rel), "utf8"));
  }

  all(selector: string): Element[] {
    return selectAll<AnyNode, Element>(selector, this.document);
  }

  one(selector: string): Element {
    const found = selectOne<AnyNode, Element>(selector, this.document);
    if (!found) throw new Error(`No element matches ${selector}`);
    return found;
  }

  text(selector: string): string {
    return DomUtils.textContent(this.one(selector)).trim();
  }

  texts(selector: string): string[] {
    return this.all(selector).map((el) => DomUtils.textContent(el).trim());
  }

  /** Every id on the page. */
  ids(): Set<string> {
    return new Set(this.all("[id]").map((el) => el.attribs.id));
  }
}

export function textOf(element: Element): string {
  return DomUtils.textContent(element).trim();
}
