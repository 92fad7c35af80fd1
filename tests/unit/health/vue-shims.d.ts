// tsconfig.test.json type-checks tests with tsc, which cannot read .vue files; the component
// tests (tests/unit/health/components.test.ts) mount them through Vitest's Vue plugin.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<Record<string, unknown>, Record<string, unknown>, unknown>;
  export default component;
}
