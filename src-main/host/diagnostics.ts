import { release } from 'node:os';
import type { CallInput, CallOutput } from '../../shared/contract';

/**
 * "Copy diagnostics" (issue 20): what a support person needs to know — versions, OS, which
 * kind of CRM, the sync's state, the outbox's size, the last log lines — and nothing of the
 * user's data. The log lines and the sync's error are personal-data-free by design
 * (file-log.ts); they are redacted here once more (addresses, links, long ids and tokens).
 */

/** Strips what could identify a person or unlock an account from a line. */
export function redact(text: string): string {
  return text
    .replace(/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, '[email]')
    .replace(/\b([a-z][a-z0-9+.-]*):\/\/[^\s"'<>]+/gi, (_m, scheme: string) => `${scheme.toLowerCase()}://…`)
    .replace(/\b(Bearer|token|secret|password)\b([\s:=]+)\S+/gi, '$1$2[redacted]')
    .replace(/[A-Za-z0-9_-]{24,}/g, '[redacted]')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, '[number]');
}

/** The last lines logged, in memory (the file keeps more; this only feeds the report). */
export function createLogTail(max = 20) {
  const lines: string[] = [];
  return {
    push(line: string) {
      lines.push(line);
      if (lines.length > max) lines.splice(0, lines.length - max);
    },
    lines: (): readonly string[] => lines,
  };
}

export interface DiagnosticsDeps {
  app: () => CallOutput<'app:info'>;
  crm: () => Promise<CallOutput<'crm:status'>>;
  /** `process.versions` (Electron adds electron and chrome). */
  versions: Readonly<Record<string, string | undefined>>;
  os: { platform: string; arch: string; release: string };
  recentLog: () => readonly string[];
  /** Electron's clipboard; absent in the web host (the page copies). */
  clipboard?: { writeText(text: string): void };
  now?: () => number;
}

export function createDiagnostics(deps: DiagnosticsDeps) {
  return {
    async report(input: CallInput<'app:copyDiagnostics'>): Promise<CallOutput<'app:copyDiagnostics'>> {
      const app = deps.app();
      const crm = await deps.crm();
      const v = deps.versions;
      const when = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString());
      const lines = [
        `${app.name} ${app.version} (${app.host} host)`,
        `OS: ${deps.os.platform} ${deps.os.release} ${deps.os.arch}; locale ${app.locale}`,
        `Runtime: ${[v['electron'] ? `Electron ${v['electron']}` : null, v['chrome'] ? `Chrome ${v['chrome']}` : null, `Node ${v['node'] ?? '?'}`].filter(Boolean).join(', ')}`,
        `CRM: ${crm.connected ? (crm.kind ?? 'unknown') : 'not connected'}`,
        `Sync: ${input.sync.running ? 'running' : 'idle'} (${input.sync.phase}); last synced ${when(input.sync.lastSyncedAt)}`,
        `Sync error: ${input.sync.lastError ? redact(input.sync.lastError).slice(0, 300) : 'none'}`,
        `Outbox: ${input.outbox.pending ?? 'unknown'} pending, ${input.outbox.attention} need attention, ${input.outbox.conflicts} conflicts`,
        `Report made: ${new Date((deps.now ?? Date.now)()).toISOString()}`,
        'Recent log:',
        ...deps.recentLog().map((l) => `  ${redact(l).slice(0, 300)}`),
      ];
      const text = `${lines.join('\n')}\n`;
      if (!deps.clipboard) return { text, copied: false };
      deps.clipboard.writeText(text);
      return { text, copied: true };
    },
  };
}

/** The report of this process (its versions and OS): what both hosts build, the Electron one with its clipboard. */
export function processDiagnostics(deps: Pick<DiagnosticsDeps, 'app' | 'crm' | 'recentLog' | 'clipboard'>) {
  return createDiagnostics({ ...deps, versions: process.versions, os: { platform: process.platform, arch: process.arch, release: release() } });
}
