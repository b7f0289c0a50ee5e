/**
 * DOCX rendering of the handover documents with the docx library, made byte-for-byte repeatable:
 * the library dates the package parts and `docProps/core.xml` with the current time, so the result
 * is unzipped and zipped again with the grant date everywhere (see zip.ts).
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocBlock, HandoverDocument } from './documents.js';
import { readZip, writeZip } from './zip.js';

const FONT = 'Arial';

/** `**bold**` and `` `code` `` of the shared model, as runs. */
function runs(text: string, bold = false): TextRun[] {
  const out: TextRun[] = [];
  for (const part of text.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
    if (part === '') continue;
    if (part.startsWith('**')) out.push(new TextRun({ text: part.slice(2, -2), bold: true, font: FONT }));
    else if (part.startsWith('`')) out.push(new TextRun({ text: part.slice(1, -1), bold, font: 'Courier New' }));
    else out.push(new TextRun({ text: part, bold, font: FONT }));
  }
  return out;
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function lines(texts: readonly string[], center = false): Paragraph[] {
  return texts.map((t) => new Paragraph({ children: runs(t), ...(center ? { alignment: AlignmentType.CENTER } : {}) }));
}

function blockElements(b: DocBlock): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'title':
      return b.lines.map((l, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: i === b.lines.length - 1 ? 240 : 0 }, children: runs(l, i < b.lines.length - 1) }));
    case 'heading':
      return [new Paragraph({ spacing: { before: 200 }, children: runs(b.text, true) })];
    case 'para':
      return [new Paragraph({ spacing: { after: 120 }, ...(b.center ? { alignment: AlignmentType.CENTER } : { alignment: AlignmentType.JUSTIFIED }), children: runs(b.text) })];
    case 'list':
      return b.items.map((t, i) => new Paragraph({ indent: { left: 360, hanging: 360 }, spacing: { after: 80 }, children: runs(`${b.ordered ? `${i + 1}.` : '•'}\t${t}`) }));
    case 'code':
      return b.text.split('\n').map((l) => new Paragraph({ children: [new TextRun({ text: l, font: 'Courier New', size: 18 })] }));
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.header.map((h) => new TableCell({ children: [new Paragraph({ children: runs(h, true) })] })) }),
            ...b.rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ children: runs(c) })] })) })),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    case 'signatures':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: NO_BORDERS,
          rows: [
            new TableRow({
              children: b.columns.map(
                (c) =>
                  new TableCell({
                    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
                    width: { size: Math.floor(100 / b.columns.length), type: WidthType.PERCENTAGE },
                    children: [
                      ...lines([...c.caption, ...c.block.heading], true),
                      ...lines(['', '', '', ''], true),
                      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.block.nameLine, bold: true, underline: {}, font: FONT })] }),
                      ...lines([...(c.block.rankLine ? [c.block.rankLine] : []), ...(c.block.idLine ? [c.block.idLine] : [])], true),
                    ],
                  }),
              ),
            }),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
  }
}

/** The DOCX bytes of a document, identical for the same document and date. */
export async function toDocx(doc: HandoverDocument, isoDate: string): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: 'eoffice',
    lastModifiedBy: 'eoffice',
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        // A4 in twentieths of a point, margins of 2.5 cm.
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 } } },
        children: doc.blocks.flatMap(blockElements),
      },
    ],
  });
  const raw = await Packer.toBuffer(document);
  const stamp = `${isoDate}T00:00:00Z`;
  const entries = readZip(Buffer.from(raw)).map((e) =>
    e.name === 'docProps/core.xml'
      ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`)) }
      : e,
  );
  return writeZip(entries, isoDate);
}
