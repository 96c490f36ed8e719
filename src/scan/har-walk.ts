import { Buffer } from 'node:buffer';
import type { FoundToken } from '../token/extract.js';
import { foundIn, pairHolding, RAW, urlWithoutQuery, type Holding, type PairList } from './har.js';
import { CaptureSink, type JsonStreamListener, type PathStep, type StringSink } from './json-stream.js';
import { Base64Sink, FinderSink, teeSink } from './sinks.js';
import { TokenFinder } from './finder.js';

/** A token in a HAR archive, and where: the entry (0-based) and the field. */
export interface HarHit {
  readonly found: FoundToken;
  readonly entry: number;
  readonly field: string;
}

/** Headers, cookies, parameters and URLs are kept whole up to this size; bodies stream through. */
const MAX_CAPTURED_BYTES = 1024 * 1024;

const URL_FIELDS = new Set(['request.url', 'response.redirectURL']);
const PAIR_PARENTS = new Set(['request.headers', 'response.headers', 'request.cookies', 'response.cookies', 'request.queryString', 'request.postData.params']);

/** `request.headers.#.value` for `["request", "headers", 3, "value"]`: the shape of a path inside an entry. */
function shapeOf(steps: readonly PathStep[]): string {
  return steps.map((s) => (typeof s === 'number' ? '#' : s)).join('.');
}

function tokensIn(text: string): string[] {
  const finder = new TokenFinder();
  return [...finder.push(Buffer.from(text, 'utf8')), ...finder.end()].map((m) => m.token);
}

/**
 * Listens to a HAR document streaming through a JsonStream and collects
 * every token in the request and response headers, cookies, query strings,
 * post data and bodies of each entry, named by entry and field.
 */
export class HarWalker implements JsonStreamListener {
  readonly hits: HarHit[] = [];
  /** `log.entries` was there and ended: the document is a HAR. */
  sawEntries = false;
  /** One copy of each token, however often it is seen. */
  readonly #tokens = new Map<string, string>();
  #pair = { name: '', value: '' };
  #content = { encoding: '', text: [] as readonly string[], decoded: [] as readonly string[] };

  onString(path: readonly PathStep[]): StringSink | null {
    const at = this.#entryPath(path);
    if (at === null) return null;
    const [entry, steps] = at;
    const shape = shapeOf(steps);
    if (URL_FIELDS.has(shape)) {
      return new CaptureSink(MAX_CAPTURED_BYTES, (url) => this.#add(entry, shape, { as: 'url', name: null }, tokensIn(urlWithoutQuery(url))));
    }
    if (PAIR_PARENTS.has(shapeOf(steps.slice(0, -2)))) {
      const part = steps[steps.length - 1];
      if (part === 'name') return new CaptureSink(MAX_CAPTURED_BYTES, (name) => (this.#pair.name = name));
      if (part === 'value') return new CaptureSink(MAX_CAPTURED_BYTES, (value) => (this.#pair.value = value));
      return null;
    }
    if (shape === 'request.postData.text') return new FinderSink((tokens) => this.#add(entry, shape, RAW, tokens));
    if (shape === 'response.content.encoding') return new CaptureSink(64, (encoding) => (this.#content.encoding = encoding));
    if (shape === 'response.content.text') {
      // Whether the body is base64 may only be known once `encoding` is read, which can come after it.
      const text = new FinderSink((tokens) => (this.#content.text = tokens));
      const decoded = new FinderSink((tokens) => (this.#content.decoded = tokens));
      return teeSink(text, new Base64Sink(decoded));
    }
    return null;
  }

  onClose(path: readonly PathStep[]): void {
    if (shapeOf(path) === 'log.entries') this.sawEntries = true;
    const at = this.#entryPath(path);
    if (at === null) return;
    const [entry, steps] = at;
    const parent = shapeOf(steps.slice(0, -1));
    if (PAIR_PARENTS.has(parent) && typeof steps[steps.length - 1] === 'number') {
      const list = parent.split('.').pop() as PairList;
      const { name, value } = this.#pair;
      this.#add(entry, `${parent}.${name}`, pairHolding(list, name, value), tokensIn(value));
      this.#pair = { name: '', value: '' };
    } else if (shapeOf(steps) === 'response.content') {
      const { encoding, text, decoded } = this.#content;
      // HAR 1.2 §content: `encoding: "base64"` marks a body stored base64-encoded.
      this.#add(entry, 'response.content.text', RAW, encoding === 'base64' ? decoded : text);
      this.#content = { encoding: '', text: [], decoded: [] };
    }
  }

  /** The entry index and the steps inside it, for a path under `log.entries[i]`. */
  #entryPath(path: readonly PathStep[]): [number, readonly PathStep[]] | null {
    const [log, entries, entry] = path;
    return log === 'log' && entries === 'entries' && typeof entry === 'number' ? [entry, path.slice(3)] : null;
  }

  #add(entry: number, field: string, holding: Holding, tokens: readonly string[]): void {
    for (const raw of tokens) {
      const token = this.#tokens.get(raw) ?? raw;
      this.#tokens.set(token, token);
      this.hits.push({ found: foundIn(holding, token), entry, field });
    }
  }
}
