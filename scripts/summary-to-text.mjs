// Renders the job summary (GitHub-flavoured Markdown with a little HTML) readably for a terminal.
const entities = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#124;': '|'
}

export function summaryToText(markdown) {
  return (
    markdown
      .replace(/<summary>(.*?)<\/summary>/g, '  ▸ $1')
      // Mermaid labels join their lines with <br>: keep them on one line in the terminal.
      .replace(/("[^"\n]*)<br>([^"\n]*")/g, (label) => label.replace(/<br>/g, ' · '))
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/?(details|p|div|span|sub|sup|code|b|strong|em|i)(?=[\s>])[^>]*>/g, '')
      .replace(
        /<h(\d)[^>]*>(.*?)<\/h\1>/g,
        (_, level, text) => `\n${'#'.repeat(Number(level))} ${text}\n`
      )
      .replace(/&(lt|gt|amp|quot|#39|#124);/g, (m) => entities[m])
      .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  )
}
