/** The part of fontkit (a pdfmake dependency) the printable-characters test reads: a font's cmap. */
declare module 'fontkit' {
  export function openSync(path: string): { fonts: { characterSet: number[] }[] }
}
