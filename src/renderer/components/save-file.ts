// Offers text as a file download. Works in a browser and in Electron (which shows its save dialog); needs no
// Node access and no inline script, so it stays within the CSP.
export function saveTextFile(fileName: string, content: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
