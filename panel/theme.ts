// The panel follows its host's look (issue 16.2): the page's root element gets `pmo-host-excel` or `pmo-host-sheets`
// (panel.css picks Fluent's or Google's colours, font and shapes) and `pmo-dark` when the host is dark, so every
// surface changes together, the page around the panel included.
//
// Which theme: Excel's `Office.context.officeTheme.isDarkTheme` when Office gives one (true for the Black and Dark
// Gray themes; Excel on the web, Windows, Mac and iPad: https://learn.microsoft.com/javascript/api/office/office.officetheme),
// else its body background's lightness; without an Office theme (older Office, the Sheets sidebar) the system's
// `prefers-color-scheme`, followed live. Windows high contrast is the browser's forced colours (panel.css).

export type Host = 'excel' | 'sheets';

/** The part of Office.OfficeTheme the panel reads. */
export interface OfficeThemeColors {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/** The relative luminance (WCAG 2) of a "#rrggbb" colour, or undefined when it is not one. */
export function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return undefined;
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 255) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** Dark or light from Office's theme: its own flag, else its background; undefined when Office says neither. */
export function officeIsDark(theme: OfficeThemeColors | undefined): boolean | undefined {
  if (!theme) return undefined;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const back = luminance(theme.bodyBackgroundColor ?? '');
  return back === undefined ? undefined : back < 0.18;
}

/**
 * Marks the page's root element with the host and, when dark, `pmo-dark`. With `officeDark` undefined the
 * system's colour scheme decides, and a change of it (the user switching the OS to dark) restyles the page at once.
 */
export function applyTheme(host: Host, officeDark?: boolean): void {
  const root = document.documentElement as HTMLElement | null;
  // A page without a root element (a test's bare document) has nothing to style.
  if (!root?.classList) return;
  root.classList.remove('pmo-host-excel', 'pmo-host-sheets');
  root.classList.add(`pmo-host-${host}`);
  if (officeDark !== undefined) {
    root.classList.toggle('pmo-dark', officeDark);
    return;
  }
  const query =
    typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  root.classList.toggle('pmo-dark', query?.matches === true);
  query?.addEventListener('change', (event) => root.classList.toggle('pmo-dark', event.matches));
}
