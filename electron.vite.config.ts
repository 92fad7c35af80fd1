import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src-main/host/csp';

/**
 * The CSP also as a <meta> tag, a second layer under the response header that both hosts send
 * (the web host, and the desktop app's app:// handler). `frame-ancestors` is left out because
 * browsers ignore it (and complain) in a meta tag; the headers carry it.
 */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'cs-csp-meta',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

/** Lists the renderer's built files so the web host's service worker can keep them offline. */
function assetManifest(): Plugin {
  return {
    name: 'cs-asset-manifest',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !f.endsWith('.html') && !f.endsWith('.map'));
      this.emitFile({ type: 'asset', fileName: 'asset-manifest.json', source: JSON.stringify({ files }) });
    },
  };
}

/**
 * One build for the three parts. `main` also emits the two plain-Node entry points
 * (the web host and the demo CRM CLI): they share main's code but never import electron.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          'web-host': resolve('src-main/web-host/main.ts'),
          'demo-crm': resolve('src-main/demo-crm/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // A preload under sandbox: true must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [vue(), assetManifest(), cspMeta()],
    build: {
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
