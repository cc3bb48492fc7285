import { checkContentSafety } from './src/lib/safety.ts';
const cases: [string, string][] = [
  ['deep-quote.mdx', '>'.repeat(20000) + ' x\n'],
  ['deep-jsx.mdx', '<b>'.repeat(5000) + 'x' + '</b>'.repeat(5000) + '\n'],
  ['deep-list.mdx', Array.from({length: 3000}, (_, i) => ' '.repeat(i*2) + '- x').join('\n') + '\n'],
  ['brackets.mdx', '['.repeat(20000) + 'x\n'],
  ['braces.md', '{'.repeat(5000) + '\n'],
  ['empty.mdx', ''],
  ['fm-only.mdx', '---\ntitle: x\n---\n'],
  ['crlf.mdx', '---\r\ntitle: x\r\n---\r\n\r\n<script>x</script>\r\n[a](javascript:x)\r\n'],
  ['bom.mdx', '\uFEFF---\ntitle: x\n---\n\n<script>x</script>\n'],
  ['many-errors.mdx', Array.from({length: 100}, () => 'a <3 b\n').join('\n')],
];
const only = process.argv[2]; for (const [file, src] of cases.filter(([f]) => !only || f === only)) {
  const t = Date.now();
  try {
    const fs = checkContentSafety(src, file);
    console.log(file, Date.now() - t, 'ms', fs.length, fs.slice(0, 3).map(f => `${f.rule}@${f.line}:${f.column} ${f.message.slice(0, 80)}`));
  } catch (e) { console.log(file, 'THREW', String(e).slice(0, 200)); }
}
