import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ContentSettings } from "./jekyll-settings.ts";
import { destinationFor, fillPermalink } from "./urls.ts";
import { jekyllSlugify } from "../text/jekyll-slugify.ts";
import { titleizeSlug } from "../text/titleize-slug.ts";
import { isCalendarDay } from "../text/calendar-day.ts";

/** Jekyll's DATE_FILENAME_MATCHER, on the file's own name: `2016-01-12-release-1.md`. */
const POST_NAME = /^(\d{2,4})-(\d{1,2})-(\d{1,2})-(.*)(\.[^.]+)$/;

/** True for a file inside a `_posts` folder. */
export function isInPosts(file: string): boolean {
  return file.split("/").slice(0, -1).includes("_posts");
}

/** What Jekyll derives for a post from its file name, folder and front matter, and where it is written. */
export interface PostLocation {
  url: string;
  outputPath: string;
  /** Page variables Jekyll sets: date, slug, title, categories, tags, id, collection. */
  derived: Record<string, unknown>;
}

/**
 * A post's date, categories and URL as Jekyll 4.3 makes them: the date from the file name (front matter `date:`
 * wins), categories from the folders above `_posts` plus `category`/`categories`, and the URL from `permalink:`
 * (the post's, else the site's; Jekyll's default is `/:categories/:year/:month/:day/:title.html`).
 * Returns a diagnostic for a file whose name is not a post's, or whose date is no date.
 */
export function postLocation(
  file: string,
  data: Record<string, unknown>,
  markdown: boolean,
  settings: Pick<ContentSettings, "permalink" | "postPermalink">,
  dateLine?: number,
): PostLocation | Diagnostic {
  const name = path.posix.basename(file);
  const match = POST_NAME.exec(name);
  if (!match) return misnamedPost(file)!;
  const [, year, month, day, slugFromName, ext] = match;
  const date = data.date === undefined ? calendarDate(Number(year), Number(month), Number(day)) : frontMatterDate(data.date);
  if (!date) {
    return {
      file,
      line: data.date === undefined ? undefined : dateLine,
      severity: "error",
      code: "post-date",
      message: data.date === undefined ? `${name} does not start with a valid date` : `date: ${JSON.stringify(String(data.date))} is not a date`,
      hint: "Write the date as YYYY-MM-DD, optionally followed by a time such as 10:30:00 +0100.",
    };
  }
  const slug = data.slug === undefined || data.slug === null ? slugFromName : String(data.slug);
  const categories = unique([...folderCategories(file), ...wordList(data.categories), ...wordList(data.category)]);
  const tags = unique([...wordList(data.tags), ...wordList(data.tag)]);
  const outputExt = markdown ? ".html" : ext;
  const template = typeof data.permalink === "string" ? data.permalink : (settings.postPermalink ?? settings.permalink);
  const url = fillPermalink(template, urlPlaceholders({ date, slug, name: name.slice(0, -ext.length), categories, outputExt }));
  return {
    url,
    outputPath: destinationFor(url, outputExt),
    derived: {
      date,
      slug,
      title: data.title ?? titleizeSlug(slugFromName.replace(/\.+$/, "")),
      categories,
      tags,
      id: path.posix.join(path.posix.dirname(url), slug),
      collection: "posts",
      draft: false,
      ext,
    },
  };
}

/** A warning for a file in `_posts/` whose name does not start with a date: Jekyll passes over it without a word. */
export function misnamedPost(file: string): Diagnostic | undefined {
  const name = path.posix.basename(file);
  if (POST_NAME.test(name)) return undefined;
  return {
    file,
    severity: "warning",
    code: "post-name",
    message: `${name} is in _posts/ but is not published: a post's file name starts with its date, such as 2016-01-12-${name}`,
    hint: "Rename it YYYY-MM-DD-title.md, or move it out of _posts/ if it is not a post.",
  };
}

/** The text Jekyll renders as a post's excerpt: the content up to the separator (Jekyll 4.3's Excerpt#extract_excerpt). */
export function excerptSource(content: string, separator: string): string {
  if (separator === "") return "";
  const at = content.indexOf(separator);
  if (at === -1) return content;
  let head = content.slice(0, at);
  const tail = content.slice(at + separator.length);
  if (head.includes("{%")) head = closeLiquidBlocks(head);
  // Reference-style links used in the excerpt are usually defined at the end of the post.
  const definitions = tail.split("\n").filter((line) => /^ {0,3}\[[^\]]+\]:.+$/.test(line));
  return definitions.length ? `${head}\n\n${definitions.join("\n")}` : head;
}

/** Blocks opened in an excerpt and closed after it are closed at its end, as Jekyll does, so that it parses. */
function closeLiquidBlocks(head: string): string {
  const open: string[] = [];
  for (const [, tag] of head.matchAll(/\{%-?\s*(\w+)/g)) {
    if (BLOCK_TAGS.has(tag)) open.push(tag);
    else if (tag.startsWith("end") && open.at(-1) === tag.slice(3)) open.pop();
  }
  return head + open.reverse().map((tag) => `{% end${tag} %}`).join("");
}

const BLOCK_TAGS = new Set(["if", "unless", "for", "case", "capture", "raw", "comment", "tablerow"]);

/** Jekyll's placeholders for a post's permalink (UrlDrop), from the post's date in local time. */
function urlPlaceholders(post: { date: Date; slug: string; name: string; categories: string[]; outputExt: string }): Record<string, string> {
  const { date } = post;
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const startOfYear = new Date(date.getFullYear(), 0, 1);
  const yearDay = Math.round((calendarDay(date) - calendarDay(startOfYear)) / 86_400_000) + 1;
  const iso = isoWeek(date);
  return {
    year: String(date.getFullYear()),
    month: pad(date.getMonth() + 1),
    day: pad(date.getDate()),
    i_month: String(date.getMonth() + 1),
    i_day: String(date.getDate()),
    short_year: pad(date.getFullYear() % 100),
    y_day: pad(yearDay, 3),
    hour: pad(date.getHours()),
    minute: pad(date.getMinutes()),
    second: pad(date.getSeconds()),
    short_month: MONTHS[date.getMonth()].slice(0, 3),
    long_month: MONTHS[date.getMonth()],
    short_day: DAYS[date.getDay()].slice(0, 3),
    long_day: DAYS[date.getDay()],
    week: pad(iso.week),
    w_year: String(iso.year),
    w_day: String(date.getDay() === 0 ? 7 : date.getDay()),
    title: prettySlug(post.slug),
    slug: plainSlug(post.slug),
    name: plainSlug(post.name),
    categories: post.categories.map((c) => c.toLowerCase()).filter((c, i, all) => all.indexOf(c) === i).join("/"),
    collection: "posts",
    output_ext: post.outputExt,
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function calendarDay(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
}

function isoWeek(date: Date): { week: number; year: number } {
  const day = new Date(calendarDay(date));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return { week: Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7), year: day.getUTCFullYear() };
}

/** Jekyll's slugify in "pretty" mode, keeping case: what `:title` becomes. */
function prettySlug(text: string): string {
  return jekyllSlugify(text, "pretty", true);
}

/** Jekyll's default slugify: what `:slug` and `:name` become. */
function plainSlug(text: string): string {
  return jekyllSlugify(text);
}


/** Local midnight of a calendar date, or undefined when there is no such day (2016-02-30). */
function calendarDate(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): Date | undefined {
  const date = new Date(year, month - 1, day, hours, minutes, seconds);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/**
 * A front matter `date:`. YAML turns `2016-01-12` into midnight UTC; read as the calendar date it names, in local
 * time, as Jekyll reads it in the site's time zone. A string with a time and an offset is that instant.
 */
function frontMatterDate(value: unknown): Date | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    if (isCalendarDay(value)) {
      return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    }
    // A new Date, without the zone it was written in: Jekyll turns a post's date to the site's zone (localtime).
    return new Date(value.getTime());
  }
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(String(value).trim());
  if (!match) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = match;
  const local = calendarDate(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s));
  if (!local || zone === undefined) return local;
  const offset = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000);
}

/** Folders above `_posts` are a post's first categories: `news/_posts/x.md` is in `news`. */
function folderCategories(file: string): string[] {
  const folders = file.split("/").slice(0, -1);
  return folders.slice(0, folders.indexOf("_posts")).filter((folder) => folder !== "");
}

/** Jekyll reads `categories: a b` and `categories: [a, b]` alike. */
function wordList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(/\s+/).filter(Boolean);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
