// The words of head office's reference records on the branch's screens (issue 21 §1): the sync line's news of a
// calendar or phrase-library update and the manager's import of head office's file; zh-CN first, en.
// Merged into the main catalogue by i18n/index.ts under `reference`.

export const referenceZhCN = {
  reference: {
    calendarUpdated: '日历已更新 {{years}}',
    phrasesUpdated: '话术库已更新',
    updatedAt: '{{at}} 收到总部更新',
    importFile: '导入总部文件',
    importing: '正在导入…',
    imported: '已导入总部文件:更新 {{n}} 项({{what}})',
    importedNothing: '本店已有文件中的版本或更新的版本,未作改动',
    readFailed: '无法读取文件“{{name}}”',
    calendar: '{{year}} 年日历',
    phrases: '话术库',
  },
};

export const referenceEn: typeof referenceZhCN = {
  reference: {
    calendarUpdated: 'Calendar updated: {{years}}',
    phrasesUpdated: 'Phrase library updated',
    updatedAt: "Head office's update received {{at}}",
    importFile: "Import head office's file",
    importing: 'Importing…',
    imported: "Head office's file imported: {{n}} updated ({{what}})",
    importedNothing: 'This branch already holds the versions in the file, or newer ones; nothing changed',
    readFailed: 'Cannot read the file "{{name}}"',
    calendar: 'calendar {{year}}',
    phrases: 'phrase library',
  },
};
