// What jsdom lacks and antd needs, shared by the branch and console component tests.
export function installDomShims(): void {
  // jsdom lacks matchMedia, which antd's responsive helpers call.
  window.matchMedia ??= (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });
}
