// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packed
// app, after the files are in place and before the app is signed, so the signature covers the
// flipped bits and the OS refuses a binary whose fuses were flipped back. Why each fuse is set
// as it is: ARCHITECTURE.md, "Security of the desktop app".
import { join } from 'node:path';
import { Arch } from 'electron-builder';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** Every fuse @electron/fuses knows, set explicitly; a newer Electron's extra fuses keep their defaults. */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js for any script.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store encrypted with the OS keychain, like the CRM token.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --inspect…) would run code of the caller's choosing in main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // macOS and Windows check app.asar against the hash electron-builder embeds (Info.plist,
  // an .exe resource); Linux has no such check in Electron.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only resources/app.asar: a resources/app folder dropped beside it is never loaded.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We ship no browser-process snapshot of our own.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer loads from app://cs-workspace/; file:// pages need no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The file @electron/fuses flips: the app bundle on macOS (it finds the framework), else the executable. */
export function electronBinary({ appOutDir, electronPlatformName, packager }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: no Electron binary known for platform "${electronPlatformName}"`);
  }
}

/** The fuses FUSES sets, as [name, index in the wire]. */
const SET_FUSES = Object.entries(FuseV1Options).filter(([, index]) => typeof index === 'number');
const REMOVED = 'r'.charCodeAt(0);

export default async function afterPack(context) {
  const binary = electronBinary(context);
  // A fuse Electron has retired ('r') no longer does anything: setting it would hide that the
  // protection it gave is gone or moved, so the build stops until FUSES is brought up to date.
  const before = await getCurrentFuseWire(binary);
  const retired = SET_FUSES.filter(([, index]) => before[index] === REMOVED).map(([name]) => name);
  if (retired.length > 0) throw new Error(`after-pack: ${binary} has retired the fuse(s) ${retired.join(', ')}; update build/after-pack.mjs`);
  await flipFuses(binary, {
    ...FUSES,
    // Flipping invalidates the ad-hoc signature an arm64 macOS binary must have to start;
    // a real signature, when configured, is applied after this hook.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && (context.arch === Arch.arm64 || context.arch === Arch.universal),
  });
  // Read back, so a wire that did not take fails the build rather than shipping.
  const after = await getCurrentFuseWire(binary);
  for (const [name, index] of SET_FUSES) {
    const want = FUSES[index] ? '1' : '0';
    if (after[index] !== want.charCodeAt(0)) throw new Error(`after-pack: fuse ${name} of ${binary} did not flip to ${want}`);
  }
  console.log(`  • fuses flipped  ${binary}`);
}
