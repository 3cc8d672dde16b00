/** Saves a file main produced (PDF, CSV, xlsx) through the browser's download; main keeps its own copy where it says so. */
export function downloadFile(file: { base64: string; fileName: string; mime?: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime ?? 'application/pdf' }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
