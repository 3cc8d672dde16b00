/**
 * The FTS5 MATCH expression for free text, built the way migration SearchIndexes indexes it
 * (single characters and bigrams, unicode61): each word gives its bigrams, a one-character word
 * itself; all must appear. The caller re-checks the real text (instr), since bigrams in any
 * order would also match. Control characters split words too: a NUL inside a quoted FTS5 phrase
 * ends the string and SQLite refuses the query.
 */
export function ftsQuery(text: string): string | null {
  const grams = text
    .split(/[\s\p{P}\p{S}\p{C}]+/u)
    .filter(Boolean)
    .flatMap((word) => {
      const ch = Array.from(word.toLowerCase())
      return ch.length === 1 ? ch : ch.slice(1).map((c, i) => ch[i] + c)
    })
  if (!grams.length) return null
  return [...new Set(grams)].map((g) => `"${g.replace(/"/g, '""')}"`).join(' ')
}
