/* global window, document */
// Shows that the bridge, IPC and the store answer: the branch, and whether the store needs its first manager.
const show = (label, value) => {
  const dl = document.getElementById('status');
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = label;
  dd.textContent = value;
  dl.append(dt, dd);
};
(async () => {
  const settings = await window.branchDesk.invoke('settings.get', {});
  if (settings.ok) show('门店 Branch', `${settings.value.branchCode} ${settings.value.branchName}`);
  const setup = await window.branchDesk.invoke('setup.status', {});
  if (setup.ok) show('数据库 Store', setup.value.needsFirstManager ? '新数据库,需创建店长账号 / new store: create the first manager' : '已就绪 / ready');
})();
