/** Saves a text file from the page: a Blob and a link, never a URL with the token in it. */
export type Save = (name: string, text: string, type: string) => void;

export const saveFile: Save = (name, text, type) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
