// The branch UI's theme (src-renderer/features/shell/App.tsx): the same colours and fonts,
// with secondary text dark enough for WCAG AA contrast.
import type { ThemeConfig } from 'antd';

const FONTS =
  "-apple-system, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC Bundled', sans-serif";
const CONTRAST = {
  colorTextSecondary: '#4b5563',
  colorTextDescription: '#4b5563',
  colorTextTertiary: '#595959',
  colorTextPlaceholder: '#6b7280',
  colorError: '#c81e1e',
  colorLink: '#0b4aa8',
};

export const THEME: ThemeConfig = {
  token: { colorPrimary: '#1557c0', borderRadius: 6, fontFamily: FONTS, ...CONTRAST },
};
