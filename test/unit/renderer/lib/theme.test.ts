// The theme preference → <html data-theme> value (src-renderer/src/lib/theme.ts): "system" means no
// attribute, so base.css follows prefers-color-scheme.
import { describe, expect, it } from 'vitest';
import { themeAttribute } from '../../../../src-renderer/src/lib/theme';

describe('themeAttribute', () => {
  it('maps light and dark to themselves and system to none', () => {
    expect(themeAttribute('light')).toBe('light');
    expect(themeAttribute('dark')).toBe('dark');
    expect(themeAttribute('system')).toBeNull();
  });
});
