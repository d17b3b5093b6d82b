// Test support: writes zip archives byte by byte, so tests can build EPUBs — good ones
// and hostile ones (entries named ../x or /etc/x, a declared size that lies, a bomb
// of zeros) — without a zip library deciding what is allowed.
import zlib from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  data: Uint8Array | string;
  /** Default 'deflate'. */
  method?: 'store' | 'deflate';
  /** Uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

export function writeZip(entries: ZipEntryInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw =
      typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const method = entry.method ?? 'deflate';
    const body = method === 'deflate' ? zlib.deflateRawSync(raw) : raw;
    const crc = zlib.crc32(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? raw.length;
    const common = [
      u16(20), // version needed
      u16(0x0800), // flags: UTF-8 names
      u16(method === 'deflate' ? 8 : 0),
      u16(0), // time
      u16(0x21), // date (1980-01-01)
      u32(crc),
      u32(body.length),
      u32(size),
      u16(name.length),
      u16(0), // extra length
    ];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, body]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20), // version made by
        ...common,
        u16(0), // comment length
        u16(0), // disk number
        u16(0), // internal attributes
        u32(0), // external attributes
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A minimal valid EPUB 3 whose chapters are the given XHTML bodies. */
export function makeEpub(options: {
  title: string;
  chapters: { file: string; body: string }[];
  css?: string;
  pageProgression?: 'ltr' | 'rtl';
  nav?: { file: string; label: string }[];
  extra?: ZipEntryInput[];
}): Uint8Array {
  const xhtml = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="ja"><head><title>${options.title}</title>${options.css ? '<link rel="stylesheet" href="style.css"/>' : ''}</head><body>${body}</body></html>`;
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    ...options.chapters.map(
      (c, i) => `<item id="c${i}" href="${c.file}" media-type="application/xhtml+xml"/>`,
    ),
    ...(options.css ? ['<item id="css" href="style.css" media-type="text/css"/>'] : []),
  ].join('');
  const spine = options.chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('');
  const nav = (options.nav ?? [])
    .map((n) => `<li><a href="${n.file}">${n.label}</a></li>`)
    .join('');
  return writeZip([
    { name: 'mimetype', data: 'application/epub+zip', method: 'store' },
    {
      name: 'META-INF/container.xml',
      data: '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    },
    {
      name: 'OEBPS/content.opf',
      data: `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:test</dc:identifier><dc:title>${options.title}</dc:title><dc:creator>経済産業省</dc:creator><dc:publisher>経済産業省</dc:publisher><dc:date>2023</dc:date><dc:language>ja</dc:language></metadata><manifest>${manifest}</manifest><spine${options.pageProgression ? ` page-progression-direction="${options.pageProgression}"` : ''}>${spine}</spine></package>`,
    },
    { name: 'OEBPS/nav.xhtml', data: xhtml(`<nav epub:type="toc"><ol>${nav}</ol></nav>`) },
    ...options.chapters.map((c) => ({ name: `OEBPS/${c.file}`, data: xhtml(c.body) })),
    ...(options.css ? [{ name: 'OEBPS/style.css', data: options.css }] : []),
    ...(options.extra ?? []),
  ]);
}
