import * as z from "zod";
import { findListedHub, hubToken, type ListedHub } from "../elements/hubs.ts";
import { expected } from "./expected.ts";

/**
 * A hub as writers write it: `crm`, `CRM`, `Help Desk` and `helpdesk` all name a hub, since case, spacing and
 * punctuation are ignored (src/elements/hubs.ts). With `_data/hubs.yml`, the value must be the key or name of one of
 * its hubs; without it, any value with a letter or digit is a hub of its own.
 */
export function hubSchema(hubs: readonly ListedHub[] | undefined) {
  if (!hubs?.length) {
    const rule = expected("a hub name such as CRM or Help Desk");
    return z.string(rule).refine((value) => hubToken(value) !== "", rule);
  }
  const rule = expected("the key or name of a hub listed in _data/hubs.yml, such as crm or CRM");
  return z.string(rule).refine((value) => findListedHub(value, hubs) !== undefined, rule);
}
