import * as z from "zod";
import { expected } from "./expected.ts";

/**
 * A hub key as listed in `_data/hubs.yml` (`crm`, `helpdesk`, ...). A tree without that file has no list to check
 * against, so any word is accepted there.
 */
export function hubSchema(hubKeys: readonly string[] | undefined) {
  if (!hubKeys?.length) {
    return z.string(expected("a hub key such as crm")).regex(/^[a-z0-9-]+$/, expected("a hub key such as crm"));
  }
  return z.enum(hubKeys as [string, ...string[]], {
    error: (issue) => `must be one of the hubs listed in _data/hubs.yml, not ${JSON.stringify(issue.input)}`,
  });
}
