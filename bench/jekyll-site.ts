import fs from "node:fs";
import path from "node:path";

/**
 * Gives a generated tree what a Jekyll element-guide site has: a layout with title, meta, back link and
 * the element's sidebar, the sidebar groups computed once per build by a generator plugin, Rouge on.
 */
export function addJekyllSite(root: string): void {
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  fs.appendFileSync(
    path.join(root, "_config.yml"),
    "markdown: kramdown\nhighlighter: rouge\nkramdown:\n  input: GFM\n  syntax_highlighter: rouge\nexclude: [_site]\n",
  );
  write(
    "_plugins/element_pages.rb",
    `# Groups element guide pages by folder once per build, so the layout's sidebar is a lookup.
module BenchElements
  class SidebarGenerator < Jekyll::Generator
    safe true

    def generate(site)
      groups = Hash.new { |hash, key| hash[key] = [] }
      site.pages.each do |page|
        next unless page.data["elementKey"]
        groups[page.dir] << { "title" => page.data["title"], "url" => page.url, "order" => page.data["order"].to_i }
      end
      groups.each_value { |list| list.sort_by! { |entry| entry["order"] } }
      site.data["element_pages"] = groups
    end
  end
end
`,
  );
  const layout = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ page.seo | default: page.title }}</title>
<meta name="description" content="{{ page.description | escape }}">
<link rel="canonical" href="{{ page.url | absolute_url }}">
</head>
<body>
<nav>
<a href="{{ page.breadcrumbs | relative_url }}">{{ page.parent }}</a>
<h2>{{ page.heading }}</h2>
<ol>
{% for entry in site.data.element_pages[page.dir] %}<li><a href="{{ entry.url | relative_url }}"{% if entry.url == page.url %} aria-current="page"{% endif %}>{{ entry.title }}</a></li>
{% endfor %}</ol>
</nav>
<main>{{ content }}</main>
</body>
</html>
`;
  write("_layouts/sidebarelementdoc.html", layout);
  write("_layouts/sidebarelementtile.html", layout);
}
