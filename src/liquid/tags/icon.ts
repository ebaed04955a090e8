import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";

/** `{% icon fa-check-square-o %}`: the Font Awesome shorthand of Jekyll-era guides, as a decorative element. */
export class IconTag extends Tag {
  private readonly className: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const name = token.args.trim();
    if (!/^[a-z0-9-]+$/i.test(name)) {
      throw new Error(`icon expects one icon name such as fa-check-square-o, got "${name}"`);
    }
    this.className = name;
  }

  render(_ctx: Context, emitter: Emitter): void {
    emitter.write(`<i class="fa ${this.className}" aria-hidden="true"></i>`);
  }
}
