import { z } from 'zod';

/** The colour themes: the operating system's, or one the user chose in Settings. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const ThemeRequest = z.object({ theme: z.enum(THEMES) }).strict();
