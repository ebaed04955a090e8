import { sitePathOf } from "./urls.ts";

/** The longest file name most file systems take (ext4, APFS, NTFS: 255 bytes or characters). */
const MAX_NAME_BYTES = 255;

/**
 * Why a URL from the front matter (a permalink, a redirect_from entry) cannot be both a file and an address of the
 * site, or undefined when it can. Jekyll would write such a file or stop with a Ruby error; either way no reader
 * reaches it: `?` and `#` end a URL's path, a backslash is no separator on the web, a broken %-escape names no
 * file, a control character or a name too long cannot be written.
 */
export function unusableUrl(url: string, outputPath: string): string | undefined {
  if (/[?#]/.test(url)) return `it holds "${/[?#]/.exec(url)![0]}", which ends the path part of a URL`;
  if (url.includes("\\")) return "it holds a backslash; URLs separate folders with /";
  if (sitePathOf(url) === undefined) return "it holds a % that starts no %-escape (write %25 for a percent sign)";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(outputPath)) return "it holds a control character, which no file name may have";
  const long = outputPath.split("/").find((name) => Buffer.byteLength(name) > MAX_NAME_BYTES);
  if (long !== undefined) return `its name ${shortened(long)} is longer than the ${MAX_NAME_BYTES} bytes a file name may have`;
  return undefined;
}

/** A URL or name quoted for a message, cut to a readable length. */
export function shortened(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}
