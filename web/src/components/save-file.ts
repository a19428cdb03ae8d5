/**
 * Saves what the app fetched (with its bearer token, which a plain link
 * cannot carry) as a file: a blob URL behind an `<a download>` clicked once.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; the URL may go once this task is done.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
