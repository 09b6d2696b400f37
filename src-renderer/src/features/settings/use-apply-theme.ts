// Keeps <html data-theme> in step with the theme preference (lib/theme.ts sets it; base.css honours it).
// Until preferences load, the theme cached from the last visit (applied in main.tsx) stays.
import { useEffect } from 'react';
import { applyTheme } from '../../lib/theme';
import { useStore } from '../../stores';

export function useApplyTheme(): void {
  const theme = useStore((s) => s.preferences?.theme);
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
}
