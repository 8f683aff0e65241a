// The record form's evidence (issue 19): the 证据附件 list after the linked slips, and the 附页 of image
// thumbnails after the signatures. Pure functions of their data, like every template.
import type { AttachmentKind } from '../../shared/attachment-types';
import { formatInstant } from '../format';
import type { FormText } from '../form-text';
import type { Flow } from '../layout';

/** An attachment as the record lists it; `name` null when its kind is restricted for the printer. */
export interface RecordAttachment {
  kind: AttachmentKind;
  name: string | null;
  /** The slip's number when it is attached to one of the case's slips. */
  slipNumber: string | null;
  addedAt: number;
  addedByName: string;
  voidedAt: number | null;
  voidReason: string | null;
  /** The JPEG thumbnail the annex prints: images and PDFs not voided and not restricted, else null. */
  thumb: Buffer | null;
}

/** 证据附件: kind, name, when, who, voided with its reason; a restricted kind by its kind only. */
export function attachmentList(f: Flow, list: RecordAttachment[] | undefined, timeZone: string, t: FormText): void {
  if (!list) return;
  const w = t.attachments;
  f.ensure(40);
  f.text(w.section, f.left, f.y, f.width, { font: 'bold', size: 9 });
  f.y += 14;
  if (list.length === 0) {
    f.entries([], w.none);
    return;
  }
  f.table(
    [
      { title: w.cols.kind, width: 2 },
      { title: w.cols.name, width: 5 },
      { title: w.cols.addedAt, width: 3 },
      { title: w.cols.addedBy, width: 2 },
      { title: w.cols.state, width: 3 },
    ],
    list.map((a) => [
      w.kind[a.kind],
      [a.slipNumber ? `${w.onSlip} ${a.slipNumber}` : '', a.name ?? w.restricted].filter(Boolean).join(' · '),
      formatInstant(a.addedAt, timeZone),
      a.addedByName,
      a.voidedAt === null ? '' : w.voided(a.voidReason ?? ''),
    ]),
  );
}

/** Image cells per annex row, and the box each thumbnail is fitted into (points). */
const ANNEX_COLS = 3;
const ANNEX_IMAGE_HEIGHT = 150;

/**
 * 附页: the thumbnails with their captions, three to a row, rows moved whole to the next page (under the
 * repeated header) when they do not fit, so an image never overflows the page or the footer.
 */
export function attachmentAnnex(f: Flow, list: RecordAttachment[] | undefined, timeZone: string, t: FormText): void {
  const shown = (list ?? []).flatMap((a) => (a.thumb ? [{ a, thumb: a.thumb }] : []));
  if (shown.length === 0) return;
  const w = t.attachments;
  f.newPage();
  f.sectionTitle(w.annex);
  f.text(w.annexNote, f.left, f.y, f.width, { size: f.m.label, color: '#444' });
  f.y += 16;
  const slot = f.width / ANNEX_COLS;
  const inner = slot - 12;
  for (let i = 0; i < shown.length; i += ANNEX_COLS) {
    const row = shown.slice(i, i + ANNEX_COLS);
    const captions = row.map(({ a }, j) =>
      [
        `${i + j + 1}. ${w.kind[a.kind]}${a.slipNumber ? ` · ${w.onSlip} ${a.slipNumber}` : ''}`,
        a.name ?? '',
        `${formatInstant(a.addedAt, timeZone)} ${a.addedByName}`,
      ].join('\n'),
    );
    const captionH = Math.max(...captions.map((c) => f.measure(c, inner, f.m.label)));
    const rowH = ANNEX_IMAGE_HEIGHT + 6 + captionH + 14;
    f.ensure(rowH);
    row.forEach(({ thumb }, j) => {
      const x = f.left + j * slot + 6;
      f.doc.rect(x, f.y, inner, ANNEX_IMAGE_HEIGHT).lineWidth(0.5).stroke('#bbb');
      f.doc.image(thumb, x + 3, f.y + 3, {
        fit: [inner - 6, ANNEX_IMAGE_HEIGHT - 6],
        align: 'center',
        valign: 'center',
      });
      f.doc.lineWidth(1).strokeColor('#000');
      f.text(captions[j] ?? '', x, f.y + ANNEX_IMAGE_HEIGHT + 4, inner, { size: f.m.label });
    });
    f.y += rowH;
  }
}
