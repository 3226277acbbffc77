/**
 * Light or dark: follows the system unless the person chose one; remembered. The choice is put
 * on `<html data-theme>`, which app.css reads; with no choice the CSS follows
 * `prefers-color-scheme` by itself, so the page is never drawn in the wrong theme first.
 */
import { readSaved, save } from './saved.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'souwen.theme';

function initial(): Theme {
  const saved = readSaved(STORAGE_KEY);
  return (THEMES as readonly string[]).includes(saved ?? '') ? (saved as Theme) : 'system';
}

class ThemeState {
  theme = $state<Theme>(initial());

  set(theme: Theme): void {
    this.theme = theme;
    save(STORAGE_KEY, theme);
    this.apply();
  }

  /** Puts the choice on the document (no attribute: follow the system). */
  apply(): void {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    if (this.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = this.theme;
  }
}

/** The page's colour scheme. */
export const theme = new ThemeState();
