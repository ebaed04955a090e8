import { Context, Drop, Liquid, Value } from "liquidjs";
import { describe, expect, it } from "vitest";
import { createLiquid } from "../../../src/liquid/create-liquid.ts";
import { installSyncEvaluation } from "../../../src/liquid/sync-evaluation.ts";

class PersonDrop extends Drop {
  name = "Ada";
  override liquidMethodMissing(key: string): string {
    return `missing:${key}`;
  }
  boom(): never {
    throw new Error("this drop fails");
  }
  override valueOf(): string {
    return "a person";
  }
}

/** A Drop whose value liquidjs gets by running a generator. */
class GeneratorValueDrop extends Drop {
  constructor(private readonly text: string) {
    super();
  }
  override *valueOf(): Generator<unknown, string> {
    return this.text;
  }
}

const scope = {
  page: { title: "Hello World", tags: ["b", "a"], n: 3 },
  list: ["a", "b", "c"],
  items: [
    { name: "one", kind: "x" },
    { name: "two", kind: "y" },
    { name: "three", kind: "x" },
  ],
  key: "title",
  n: 4,
  empty: "",
  person: new PersonDrop(),
  generated: new GeneratorValueDrop("made by a generator"),
  generatedKey: new GeneratorValueDrop("title"),
  yes: true,
  no: false,
};

// Each is rendered by liquidjs's own generators (an asynchronous render) and by the synchronous evaluation.
const templates = [
  "{{ page.title }}|{{ page.title | upcase }}|{{ page['title'] }}|{{ page[key] }}",
  "{{ list.size }} {{ list.first }} {{ list.last }} {{ list[1] }} {{ page.tags | sort | join: '+' }}",
  "{{ 'a,b' | split: ',' | join: '-' }} {{ 3 | plus: 2 | times: n }} {{ page.n | minus: 1 }}",
  "{{ items | map: 'name' | join: ', ' }} {{ items | where: 'kind', 'x' | size }}",
  "{{ page.missing | default: 'fallback' }}|{{ empty | default: 'none' }}",
  "{% if yes and no or yes %}A{% endif %}{% if not_defined %}B{% else %}C{% endif %}{% unless key == 'title' %}D{% endunless %}",
  "{% if list contains 'b' %}E{% endif %}{% if n > 3 and n <= 4 %}F{% endif %}{% if page.n != n %}G{% endif %}",
  "{% assign z = page.title | downcase | replace: 'world', 'there' %}{{ z }}",
  "{% for i in (1..page.n) %}{{ i }}{% endfor %}{% for item in items limit: 2 %}[{{ item.name }}]{% endfor %}",
  "{{ person.name }} {{ person.anything }} {{ person }}",
  "{{ page.title | tagged: 'x', loud: true }}",
  "{{ page.title | no_such_filter }}",
  "{{ page.missing }}",
  "{{ page.title | fails }}",
  "{% if page.missing.deeper %}H{% else %}I{% endif %}",
  "{% if person.boom %}J{% endif %}",
  "{{ generated }}|{% assign v = generated %}{{ v }}|{{ page[generatedKey] }}|{% if page[generatedKey] %}K{% endif %}",
  // Tags rendered without generators (src/liquid/sync-tags.ts), and lenient lookups that read as nil.
  "{% if n > 9 %}A{% elsif n > 3 %}B{% if yes %}C{% else %}D{% endif %}{% else %}E{% endif %}",
  "{% unless yes %}A{% elsif no %}B{% else %}C{% else %}D{% endunless %}{% unless no %}E{% endunless %}",
  "{% capture t %}{{ page.title | upcase }}{% if yes %}!{% endif %}{% endcapture %}[{{ t }}]{% capture 'q' %}x{% endcapture %}{{ q }}",
  "{% for i in list %}{% if i == 'b' %}{% break %}{% endif %}{{ i }}{% endfor %}|{% for i in list %}{% unless i == 'b' %}{{ i }}{% else %}{% continue %}{% endunless %}{% endfor %}",
  "{% if page.missing == nil %}A{% endif %}{% if page.missing == empty %}B{% endif %}{% unless missing_root.deep %}C{% endunless %}",
  "{% if person.anything %}A{% endif %}{% if person.name and page.missing %}B{% else %}C{% endif %}{% if generated %}D{% endif %}",
  "{{ page.missing | default: page.other }}",
  "{% assign w = page.missing %}{% if w == nil %}nil{% endif %}[{{ w }}]",
  "{% capture c %}{{ page.missing }}{% endcapture %}never",
  "{% if page.title | fails %}A{% endif %}",
  // A list that starts with `break` or `continue` already called writes nothing more, text included.
  "{% tablerow i in (1..3) %}A{{ i }}{% continue %}{% endtablerow %}after",
  "{% case 1 %}{% when 1 %}{% break %}{% when 1 %}A{{ 'B' }}{% endcase %}",
  "{% for j in (1..2) %}{% case 1 %}{% when 1 %}{% continue %}{% when 1 %}A{{ 'B' }}{% endcase %}C{% endfor %}",
];

/** liquidjs with the synchronous evaluation only, or the project's engine, whose render loop is ours too. */
function engine(kind: "liquidjs" | "project"): Liquid {
  const liquid =
    kind === "liquidjs"
      ? new Liquid({ strictVariables: true, lenientIf: true, ownPropertyOnly: true })
      : createLiquid({ site: { url: "", baseurl: "" }, markdownify: (text) => text, sourceDir: "." });
  liquid.registerFilter("tagged", function (this: { context: { sync: boolean } }, value: unknown, tag: unknown, option: unknown) {
    return `${String(value)}<${String(tag)}:${JSON.stringify(option)}>`;
  });
  liquid.registerFilter("fails", () => {
    throw new Error("this filter fails");
  });
  return liquid;
}

async function outcome(render: () => unknown): Promise<string> {
  try {
    return `ok: ${String(await render())}`;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe.each(["liquidjs", "project"] as const)("synchronous evaluation of Liquid values (%s engine)", (kind) => {
  installSyncEvaluation();
  const liquid = engine(kind);

  it.each(templates)("renders %s as liquidjs's own generators do, errors included", async (source) => {
    const template = liquid.parse(source);
    const viaGenerators = await outcome(() => liquid.render(template, scope));
    const synchronous = await outcome(() => liquid.renderSync(template, scope));
    expect(synchronous).toBe(viaGenerators);
  });

  it("evaluates a value of a synchronous render without generators, and leaves an asynchronous one to liquidjs", () => {
    const value = new Value("page.title | upcase", liquid);
    expect(value.value(new Context(scope, liquid.options, { sync: true }, { liquid }))).toBe("HELLO WORLD");
    const viaGenerators = value.value(new Context(scope, liquid.options, { sync: false }, { liquid }));
    expect(typeof (viaGenerators as Iterator<unknown>).next).toBe("function");
  });
});
