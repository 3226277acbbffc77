/**
 * Saves bytes or text as a file through a temporary object URL: nothing leaves the device, and
 * the URL is revoked once the browser has had time to start the download.
 */
export function download(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
