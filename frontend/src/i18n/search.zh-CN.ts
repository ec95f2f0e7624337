// 命令面板（Ctrl+K）与快捷键列表（?）的中文文案；与 search.en.ts 键相同。
import type { searchEn } from './search.en';

export const searchZhCN: Record<keyof typeof searchEn, string> = {
  'search.title': '搜索 Steward',
  'search.placeholder': '搜索页面、检查项、成员、密钥、发现、审核套件…',
  'search.results': '结果',
  'search.none': '没有与“{query}”匹配的内容。',
  'search.loading': '正在加载可搜索的内容…',
  'search.partial': '部分内容未能加载，因此未被搜索：{what}。',
  'search.hint': '↑ ↓ 选择 · Enter 打开 · Esc 关闭',
  'search.group.screen': '页面',
  'search.group.item': '检查项',
  'search.group.member': '成员',
  'search.group.key': '密钥',
  'search.group.finding': '密钥发现',
  'search.group.suite': '审核套件',
  'search.keyDetail': '{member} · {redacted}',
  'search.suiteDetail': '{count} 个条目',
  'help.title': '键盘快捷键',
  'help.open': '键盘快捷键（?）',
  'help.search': '搜索页面、检查项、成员、密钥、发现和审核套件',
  'help.help': '显示此快捷键列表',
  'help.escape': '关闭对话框、菜单或此列表',
  'help.goto': '前往{screen}',
  'help.then': '然后',
  'help.note': '在输入框中输入时，除 Ctrl+K 外的快捷键不生效。',
};
