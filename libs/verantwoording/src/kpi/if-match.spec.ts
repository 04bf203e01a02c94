import { DomainError } from '@wijkkompas/core';
import { controleerOptioneleIfMatch, etag, leesIfMatch, vereisIfMatch } from './if-match';

function fout(run: () => void): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('geen fout gegooid');
}

describe('If-Match', () => {
  it('writes a weak ETag of the row version', () => {
    expect(etag(3)).toBe('W/"3"');
  });

  it('reads weak and strong ETags, also several at once', () => {
    expect(leesIfMatch('W/"3"')).toEqual([3]);
    expect(leesIfMatch('"12"')).toEqual([12]);
    expect(leesIfMatch(' W/"1" , "2"')).toEqual([1, 2]);
  });

  it('treats a missing or blank header as absent', () => {
    expect(leesIfMatch(undefined)).toBeUndefined();
    expect(leesIfMatch('  ')).toBeUndefined();
  });

  it('refuses a header that is no ETag of ours, naming If-Match', () => {
    for (const kapot of ['3', 'W/3', '"abc"', '*', 'W/"1",']) {
      const error = fout(() => leesIfMatch(kapot));
      expect(error.kind).toBe('bad-request');
      expect(error.extra.invalidParams).toEqual([
        expect.objectContaining({ name: 'If-Match' }) as unknown,
      ]);
    }
  });

  it('requires If-Match on an update (428)', () => {
    const error = fout(() => vereisIfMatch(undefined, 2, 'de KPI'));
    expect(error.kind).toBe('precondition-required');
    expect(error.code).toBe('if-match-vereist');
    expect(error.detail).toContain('If-Match');
  });

  it('refuses a stale version (412) and accepts the current one', () => {
    const error = fout(() => vereisIfMatch('W/"1"', 2, 'KPI'));
    expect(error.kind).toBe('precondition-failed');
    expect(error.extra.currentVersion).toBe('W/"2"');
    expect(() => vereisIfMatch('W/"2"', 2, 'KPI')).not.toThrow();
    expect(() => vereisIfMatch('W/"1", W/"2"', 2, 'KPI')).not.toThrow();
  });

  it('lets a PUT without If-Match through, but checks one that is sent', () => {
    expect(() => controleerOptioneleIfMatch(undefined, 4, 'norm')).not.toThrow();
    expect(() => controleerOptioneleIfMatch(undefined, undefined, 'norm')).not.toThrow();
    expect(() => controleerOptioneleIfMatch('W/"4"', 4, 'norm')).not.toThrow();
    expect(fout(() => controleerOptioneleIfMatch('W/"3"', 4, 'norm')).kind).toBe(
      'precondition-failed',
    );
    expect(fout(() => controleerOptioneleIfMatch('W/"1"', undefined, 'norm')).kind).toBe(
      'precondition-failed',
    );
  });
});
