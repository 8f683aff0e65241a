// Renders antd without injecting its CSS-in-JS into jsdom, for every component test (branch and console).
import { createCache, StyleProvider } from '@ant-design/cssinjs';
import type { ReactNode } from 'react';

/**
 * antd injects thousands of style rules into the document, and jsdom's getComputedStyle (which
 * Testing Library calls for every element a role query checks for visibility) walks all of them:
 * a settings-screen test took 114 s with them and 7 s without. The component tests assert
 * behaviour (what is shown, sent and refused), not looks; the styled screens are checked in
 * Chromium by the e2e suite. `mock="server"` makes antd collect its styles into this cache
 * instead of the document, as it does when rendering on a server.
 */
export function Unstyled({ children }: { children: ReactNode }) {
  return (
    <StyleProvider cache={createCache()} mock="server">
      {children}
    </StyleProvider>
  );
}
