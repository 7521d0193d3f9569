/** Saves a blob under a file name through a temporary object URL (an export, a QR code, a CSV). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Let the browser start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a file the API sent as base64 in JSON (certificates, evidence, receipts, exports). */
export function downloadBase64(file: { fileName: string; contentType: string; base64: string }): void {
  downloadBlob(file.fileName, new Blob([base64ToBytes(file.base64)], { type: file.contentType }));
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
