import { Drop, type Context, type Emitter, type Liquid, type Template } from "liquidjs";
import { getRenderState } from "./render-state.ts";

/**
 * Lets a page render record its source map (see source-map.ts). liquidjs renders every template list, at every
 * depth (if, for, our include tags), through `renderer.renderTemplates`, pulling the templates one by one from
 * the list it is given; handing it a list that records the output length as each template is pulled gives the
 * output offset where that template starts, without reimplementing the render loop.
 */
export function installRecordingRenderer(liquid: Liquid): void {
  const renderer = liquid.renderer;
  const original = renderer.renderTemplates;
  // A plain function returning liquidjs's own generator: wrapping it in another generator (yield*) added a
  // frame to every template list of every layout and cost a third of layout rendering time.
  renderer.renderTemplates = function (templates: Template[], ctx: Context, emitter?: Emitter) {
    const map = getRenderState(ctx)?.sourceMap;
    if (map && !emitter && !map.emitter) {
      // The page's top-level render: its output buffer is the one offsets refer to.
      emitter = map.emitter = new PageEmitter();
    }
    if (!map || !emitter || emitter !== map.emitter) return original.call(this, templates, ctx, emitter);
    const pageEmitter = emitter;
    function* recorded(): Generator<Template> {
      for (const template of templates) {
        map!.record(pageEmitter.buffer.length, template);
        yield template;
      }
    }
    return original.call(this, recorded() as unknown as Template[], ctx, emitter);
  };
}

/** liquidjs's own string emitter (not exported), with the same rules for turning values into text. */
class PageEmitter implements Emitter {
  buffer = "";

  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

function stringify(value: unknown): string {
  const plain = value instanceof Drop && typeof value.valueOf === "function" ? value.valueOf() : value;
  if (typeof plain === "string") return plain;
  if (plain === null || plain === undefined) return "";
  if (Array.isArray(plain)) return plain.map(stringify).join("");
  return String(plain);
}
