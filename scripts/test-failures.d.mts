export function firstLine(text: unknown, max?: number): string;
export function vitestFailures(report: unknown): string[];
export function playwrightFailures(report: unknown): string[];
