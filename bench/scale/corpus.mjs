// The generated corpus of the scale benchmarks: deterministic JSON Lines, 10 quotes an
// article, 2,000 Zipf-like speakers each speaking for one of 40 countries. Generated at run
// time, never committed.
//
//   node bench/scale/corpus.mjs QUOTES [--document] > corpus.jsonl   (--document: one corpus@1 document)
export const COUNTRIES = ['RU', 'UA', 'US', 'GB', 'FR', 'DE', 'PL', 'CN', 'IN', 'BR', 'TR', 'IL', 'IR', 'SA', 'JP', 'KR', 'IT',
  'ES', 'NL', 'BE', 'SE', 'FI', 'NO', 'DK', 'CZ', 'HU', 'RO', 'BG', 'GR', 'EG', 'ZA', 'NG', 'KE', 'MX', 'CA', 'AU',
  'AR', 'CL', 'VN', 'PT'];
const WORDS = ['security', 'guarantees', 'troops', 'ceasefire', 'talks', 'sanctions', 'energy', 'border', 'peace', 'aid',
  'elections', 'economy', 'threat', 'alliance', 'Kyiv', 'Moscow', 'Brussels', 'unacceptable', 'support', 'negotiations'];
const SPEAKERS = 2000;
const QUOTES_PER_ARTICLE = 10;
export const TYPED = 'ceasefire talks';

// A deterministic corpus: Zipf-like speakers, each speaking for one country.
export function corpus(quotes, { document = false } = {}) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = [];
  for (let a = 0; a < quotes / QUOTES_PER_ARTICLE; ++a) {
    let paragraph = '';
    const speakers = new Map();
    const items = [];
    for (let q = 0; q < QUOTES_PER_ARTICLE; ++q) {
      const s = Math.floor(random() ** 3 * SPEAKERS);
      const text = Array.from({ length: 8 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
      const start = paragraph.length;
      paragraph += `${text}. `;
      items.push({ id: `q${q}`, speaker: `s${s}`, kind: ['direct', 'indirect', 'mixed'][q % 3], text, paragraph: 0, start, end: start + text.length });
      speakers.set(`s${s}`, { id: `s${s}`, name: `Speaker ${s}`, country: COUNTRIES[s % COUNTRIES.length] });
    }
    lines.push(JSON.stringify({ format: 'quote-explorer/article@1', id: `a${a}`, title: `Article ${a}`,
      paragraphs: [paragraph], speakers: [...speakers.values()], quotes: items }));
  }
  if (document) return `{"format": "quote-explorer/corpus@1", "articles": [\n${lines.join(',\n')}\n]}\n`;
  return `${lines.join('\n')}\n`;
}


if (import.meta.url === `file://${process.argv[1]}`) {
  const quotes = Number(process.argv[2]) || 10000;
  process.stdout.write(corpus(quotes, { document: process.argv.includes('--document') }));
}
