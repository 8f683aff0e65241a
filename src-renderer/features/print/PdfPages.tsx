// Draws a PDF with pdf.js onto canvases. The app window runs without Chromium's PDF plugin
// (hardened webPreferences), so an <iframe> of the PDF would stay blank there; pdf.js works
// under the app's CSP (its worker is a same-origin module). Each page's text is also put in
// the page's accessible name, so screen readers and tests read what will be printed.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

interface PageText {
  n: number;
  text: string;
}

export function PdfPages({ data, label }: { data: Uint8Array; label: string }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<PageText[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false });
    void (async () => {
      try {
        const doc = await task.promise;
        const out: PageText[] = [];
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.4 });
          const canvas =
            holder.current?.querySelector<HTMLCanvasElement>(`canvas[data-page="${n}"]`) ??
            document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.dataset.page = String(n);
          canvas.style.width = '100%';
          canvas.style.maxWidth = `${viewport.width}px`;
          canvas.style.display = 'block';
          canvas.style.margin = '0 auto 12px';
          canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.25)';
          const text = await page.getTextContent();
          const words = text.items.map((i) => ('str' in i ? i.str : '')).join('');
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${t('print.page', { n })}: ${words}`);
          if (!canvas.isConnected) holder.current?.appendChild(canvas);
          const ctx = canvas.getContext('2d');
          if (ctx) await page.render({ canvas, canvasContext: ctx, viewport }).promise;
          out.push({ n, text: words });
        }
        if (!cancelled) setPages(out);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [data, t]);

  return (
    <div
      className="pdf-pages"
      ref={holder}
      aria-label={label}
      role="region"
      data-pages={pages.length}
      aria-busy={pages.length === 0 && !failed}
    >
      {failed && <p role="alert">{t('print.failed')}</p>}
    </div>
  );
}
