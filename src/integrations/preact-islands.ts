import type { AstroIntegration } from 'astro';
import preact from '@astrojs/preact';
import { preact as preactVitePlugins } from '@preact/preset-vite';

/**
 * @astrojs/preact (the renderer of the islands) with their JSX compiled by
 * Vite's own transform instead of Babel.
 *
 * Why: @astrojs/preact always hands @preact/preset-vite Babel options, which
 * makes the preset run every .tsx file through Babel with source maps, in
 * the server build and again in the client build — 2.5 s of the main thread
 * in a 24 s build. Without them the preset leaves JSX to Vite's transform
 * (automatic runtime, import source preact: the same jsx() calls), and the
 * Babel-only extras (hook names for the devtools) are off in a build anyway.
 */
export function preactIslands(): AstroIntegration {
  const integration = preact();
  const setup = integration.hooks['astro:config:setup'];
  if (!setup) throw new Error('Expected @astrojs/preact to have an astro:config:setup hook.');
  return {
    ...integration,
    hooks: {
      ...integration.hooks,
      'astro:config:setup': (options) =>
        setup({
          ...options,
          updateConfig: (config) => {
            const plugins = config.vite?.plugins;
            // The preset's plugins are the one nested list @astrojs/preact adds; fail loudly if a new version adds them otherwise.
            const at = plugins?.findIndex((p) => Array.isArray(p)) ?? -1;
            if (!plugins || at < 0 || plugins.findIndex((p, i) => i > at && Array.isArray(p)) >= 0) {
              throw new Error("Expected @astrojs/preact to add @preact/preset-vite's plugins as one list among its Vite plugins.");
            }
            return options.updateConfig({ ...config, vite: { ...config.vite, plugins: plugins.map((p, i) => (i === at ? preactVitePlugins({ reactAliasesEnabled: false }) : p)) } });
          },
        }),
    },
  };
}
