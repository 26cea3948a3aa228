/**
 * How a file leaves the tablet: the share sheet where the browser shares files, else a
 * download through an object URL, both offline. It makes no file and stores nothing.
 */

/** A file ready to hand over. */
export interface ExportFile {
  name: string;
  type: string;
  content: string;
}

/** What the browser offers for handing a file over; injectable for tests. */
export interface FileHandOver {
  canShare?(data: { files: File[] }): boolean;
  share?(data: { files: File[]; title: string }): Promise<void>;
  download(blob: Blob, name: string): void;
}

/** Saves a blob through an object URL and an `<a download>`: works offline. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The browser's own share sheet (where it takes files) and download. */
export function browserHandOver(): FileHandOver {
  const nav = globalThis.navigator as Navigator | undefined;
  const handOver: FileHandOver = { download: downloadBlob };
  if (typeof nav?.canShare === 'function' && typeof nav.share === 'function') {
    handOver.canShare = (data) => nav.canShare(data);
    handOver.share = (data) => nav.share(data);
  }
  return handOver;
}

/**
 * Hands a file over: the share sheet where the tablet can share files, else a download.
 * A share the lead cancels is not followed by a download.
 */
export async function deliverFile(
  file: ExportFile,
  handOver: FileHandOver = browserHandOver(),
): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const blob = new Blob([file.content], { type: file.type });
  if (handOver.share !== undefined && typeof File === 'function') {
    const shared = new File([blob], file.name, { type: file.type });
    if (handOver.canShare?.({ files: [shared] })) {
      try {
        await handOver.share({ files: [shared], title: file.name });
        return 'shared';
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
        // A share that failed for another reason: the download still works.
      }
    }
  }
  handOver.download(blob, file.name);
  return 'downloaded';
}
