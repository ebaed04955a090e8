import { escapePath } from "../../text/url-escape.ts";

/**
 * The "Edit this page" address for a source file, from `site.repository` in _config.yml:
 * `owner/name` (a GitHub repository) or a repository URL. `repository_branch` (default "main") and
 * `repository_path` (where the source tree sits inside the repository, default its root) refine it.
 */
export function editUrl(site: Record<string, unknown>, file: string): string | null {
  const repository = text(site.repository);
  if (!repository) return null;
  const base = /^https?:\/\//.test(repository) ? repository.replace(/\/+$/, "") : `https://github.com/${repository}`;
  const branch = text(site.repository_branch) ?? "main";
  const folder = (text(site.repository_path) ?? "").replace(/^\/+|\/+$/g, "");
  const filePath = (folder ? `${folder}/` : "") + file;
  // Escaped whole: a `#` or `?` in a file name would end the path (`c#-sdk.md` -> `c%23-sdk.md`).
  return `${base}/edit/${escapePath(branch)}/${escapePath(filePath)}`;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
