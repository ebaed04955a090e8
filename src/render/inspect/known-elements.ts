/**
 * Element names a browser knows: HTML's, plus the SVG and MathML elements that appear inline in docs.
 * Anything else written as a tag (`<user secret>`, `<instance-token>`) becomes an unknown element
 * that shows nothing, so the reader never sees the text.
 */
const HTML = `a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code
col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2
h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter
nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section
select slot small source span strong style sub summary sup table tbody td template textarea tfoot th thead time title
tr track u ul var video wbr center font big strike tt acronym nobr marquee`;

const SVG_MATHML = `svg g path rect circle ellipse line polyline polygon text tspan defs use symbol clippath lineargradient
radialgradient stop mask pattern image foreignobject desc marker filter math mi mo mn ms mtext mrow msup msub mfrac
msqrt mroot mtable mtr mtd semantics annotation`;

export const KNOWN_ELEMENTS: ReadonlySet<string> = new Set(`${HTML} ${SVG_MATHML}`.split(/\s+/));

export function isKnownElement(name: string): boolean {
  return KNOWN_ELEMENTS.has(name.toLowerCase());
}
