import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src-renderer/components/record-preview/plain-text';

/** A note's HTML body as the activity timeline shows it: text only. */
describe('htmlToText', () => {
  it('drops tags, and script and style with their contents', () => {
    expect(htmlToText('<p>Hi <b>there</b></p><script>window.__pwned=1</script><style>body{display:none}</style>')).toBe('Hi there');
    expect(htmlToText('<img src=x onerror="window.__pwned=1">after')).toBe('after');
  });

  it('decodes the common entities once, so escaped markup stays text', () => {
    expect(htmlToText('bold &amp; &lt;escaped&gt; &quot;q&quot;&nbsp;&#39;a&#39;')).toBe('bold & <escaped> "q" \'a\'');
    expect(htmlToText('&amp;lt;')).toBe('&lt;');
  });

  it('keeps template syntax as text and collapses white space', () => {
    expect(htmlToText("  {{ constructor.constructor('x')() }}\n\n ${7*7} ")).toBe("{{ constructor.constructor('x')() }} ${7*7}");
    expect(htmlToText(null)).toBe('');
  });
});
