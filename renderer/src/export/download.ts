/**
 * Saves text as a file through the browser's own download: a Blob and a
 * temporary <a download>. No window.open (the shell denies it) and no data:
 * URL in a new page; works the same in Electron and in headless --serve.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A byte-order mark first, so Excel reads UTF-8 (Korean titles, accented names) as UTF-8. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadText(fileName, `\uFEFF${csv}`, 'text/csv;charset=utf-8');
}
