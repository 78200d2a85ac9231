import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../domain/report/report-model.js';
import { csvField, renderCsv } from './render-csv.js';

const doc: ReportDocument = {
  kind: 'period',
  title: { en: 'Statistics report 2026-Q3', zh: '2026-Q3 统计报表' },
  subject: '2026-Q3',
  generatedAt: '2026-10-01T00:00:00.000Z',
  party: 'cn-test',
  facts: [],
  charts: [],
  valueLabels: {},
  tables: [
    {
      id: 'peers',
      title: { en: 'Per peer', zh: '按合作方' },
      columns: [
        { key: 'name', label: { en: 'Name', zh: '名称' }, kind: 'text' },
        { key: 'calls', label: { en: 'Calls', zh: '呼叫数' }, kind: 'count' },
      ],
      rows: [
        ['Police "North", Unit 2', 3],
        ['公安部', null],
      ],
    },
  ],
};

describe('CSV export', () => {
  it('quotes fields per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('starts with a UTF-8 BOM, ends lines with CRLF, and keeps Chinese intact', () => {
    const bytes = renderCsv(doc, 'en');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n\r\n')[1]).toBe(
      'table,name,calls\r\npeers,"Police ""North"", Unit 2",3\r\npeers,公安部,\r\n',
    );
  });

  it('adds a second header row with labels for a Chinese or bilingual export', () => {
    expect(renderCsv(doc, 'zh-CN').toString('utf8')).toContain('table,name,calls\r\n#,名称,呼叫数\r\n');
    expect(renderCsv(doc, 'both').toString('utf8')).toContain('#,名称 / Name,呼叫数 / Calls\r\n');
  });
});
