// An in-memory imitation of the Go services, for running the UI in a plain
// browser during development (`npm run dev`, then open /?mock). Dev only.
import { PROFILE_FLAGS, type AuditEntry, type Evidence, type EvidenceInput, type ItemChange, type ItemState, type Lang, type Profile, type SectionProgress, type Settings, type Workspace } from '../types';
import { mockCatalogue as cat } from './catalogue';

interface Answer {
  status: ItemState['status'];
  owner: string;
  due: string;
  notes: string;
  reason: string;
  set_by_wizard: boolean;
  updated_at: string;
  evidence: Evidence[];
}
interface Db {
  workspaces: Workspace[];
  answers: Record<string, Record<string, Answer>>;
  audit: Record<string, AuditEntry[]>;
  language: '' | Lang;
  theme?: string;
  you?: string;
  seq: number;
}

const KEY = 'steward.mock.db';
const now = () => new Date().toISOString();
const today = () => now().slice(0, 10);

function load(): Db {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) return JSON.parse(raw) as Db;
  } catch {
    /* fresh */
  }
  return { workspaces: [], answers: {}, audit: {}, language: '', seq: 1 };
}

const db = load();
const save = () => localStorage.setItem(KEY, JSON.stringify(db));
const fail = new URLSearchParams(location.search).get('mock') === 'fail';

function effective(): Lang {
  return db.language || (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
}
function err(code: string, en: string, zh: string): { code: string; message: string } {
  return { code, message: effective() === 'zh-CN' ? zh : en };
}
function delay<T>(fn: () => T, ms = 120): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (e) {
        reject(e);
      }
    }, ms),
  );
}
function ws(name: string): Workspace {
  const w = db.workspaces.find((x) => x.name === name);
  if (!w) throw err('not_found', `No workspace named "${name}".`, `没有名为“${name}”的工作区。`);
  return w;
}
function answer(name: string, id: string): Answer {
  const all = (db.answers[name] ??= {});
  return (all[id] ??= { status: 'todo', owner: '', due: '', notes: '', reason: '', set_by_wizard: false, updated_at: '', evidence: [] });
}
function state(name: string, id: string): ItemState {
  const item = cat.items.find((i) => i.id === id);
  if (!item) throw err('not_found', `No item ${id}.`, `没有条目 ${id}。`);
  const a = answer(name, id);
  const overdue = a.due !== '' && a.due < today() && a.status !== 'done' && a.status !== 'not_applicable';
  return { ...item, ...a, overdue, evidence: a.evidence };
}
function audit(name: string, itemId: string, field: string, old: string, next: string, source = 'app') {
  (db.audit[name] ??= []).unshift({ id: db.seq++, item_id: itemId, at: now(), field, old, new: next, source });
}
function applies(p: Profile, cond: { all: string[]; any: string[] }): boolean {
  const on = (f: string) => p[f as keyof Profile] === true;
  return cond.all.every(on) && (cond.any.length === 0 || cond.any.some(on));
}
function count(name: string, ids: string[], section: string, title: SectionProgress['title']): SectionProgress {
  const p: SectionProgress = { section, title, total: ids.length, done: 0, in_progress: 0, todo: 0, at_risk: 0, not_applicable: 0, percent: 0 };
  for (const id of ids) p[answer(name, id).status] += 1;
  const applicable = p.total - p.not_applicable;
  p.percent = applicable ? Math.round((100 * p.done) / applicable) : 0;
  return p;
}

export const service = {
  Catalogue: () => delay(() => cat),
  ListWorkspaces: () => delay(() => db.workspaces),
  CreateWorkspace: (name: string) =>
    delay(() => {
      if (!name.trim()) throw err('invalid', 'Name the workspace.', '请填写工作区名称。');
      if (db.workspaces.some((w) => w.name === name)) throw err('exists', 'That name is taken.', '名称已被使用。');
      const w: Workspace = { id: db.seq++, name, created_at: now(), reviewed_version: name.includes('legacy') ? '1.0' : cat.version, profile: null, profile_set_at: '' };
      db.workspaces.push(w);
      save();
      return w;
    }),
  DeleteWorkspace: (name: string) =>
    delay(() => {
      ws(name);
      db.workspaces = db.workspaces.filter((w) => w.name !== name);
      delete db.answers[name];
      delete db.audit[name];
      save();
    }),
  Items: (name: string) =>
    delay(() => {
      if (fail) throw err('db', 'The database is locked.', '数据库被锁定。');
      ws(name);
      return cat.items.map((i) => state(name, i.id));
    }, 250),
  UpdateItem: (name: string, id: string, c: ItemChange) =>
    delay(() => {
      ws(name);
      const a = answer(name, id);
      if (c.status === 'not_applicable' && !(c.reason ?? a.reason).trim())
        throw err('reason_required', 'Say why the item does not apply.', '请说明该条目不适用的原因。');
      for (const f of ['status', 'owner', 'due', 'notes', 'reason'] as const) {
        const v = c[f];
        if (v === undefined || v === a[f]) continue;
        audit(name, id, f, a[f], v);
        (a as unknown as Record<string, string>)[f] = v;
      }
      if (c.status !== undefined) a.set_by_wizard = false;
      a.updated_at = now();
      save();
      return state(name, id);
    }),
  AddEvidence: (name: string, id: string, e: EvidenceInput) =>
    delay(() => {
      const a = answer(name, id);
      const ev: Evidence = { id: db.seq++, kind: e.kind, ref: e.ref, label: e.label, added_at: now() };
      a.evidence.push(ev);
      audit(name, id, 'evidence', '', e.label || e.ref);
      save();
      return state(name, id);
    }),
  RemoveEvidence: (name: string, evidenceId: number) =>
    delay(() => {
      for (const [id, a] of Object.entries(db.answers[name] ?? {})) {
        const ev = a.evidence.find((x) => x.id === evidenceId);
        if (!ev) continue;
        a.evidence = a.evidence.filter((x) => x.id !== evidenceId);
        audit(name, id, 'evidence', ev.label || ev.ref, '');
        save();
        return state(name, id);
      }
      throw err('not_found', 'No such evidence.', '没有这条证据。');
    }),
  History: (name: string, id: string) => delay(() => (db.audit[name] ?? []).filter((e) => e.item_id === id)),
  ApplyProfile: (name: string, profile: Profile, lang: Lang) =>
    delay(() => {
      const w = ws(name);
      const p = {} as Profile;
      for (const f of PROFILE_FLAGS) p[f] = profile[f] === true;
      const res = { marked_not_applicable: [] as string[], restored: [] as string[] };
      for (const item of cat.items) {
        const a = answer(name, item.id);
        const ok = applies(p, item.applies_if);
        if (!ok && a.status !== 'not_applicable') {
          audit(name, item.id, 'status', a.status, 'not_applicable', 'wizard');
          a.status = 'not_applicable';
          a.reason = lang === 'zh-CN' ? `根据入门向导：${item.applies['zh-CN']}` : `From onboarding: ${item.applies.en}`;
          a.set_by_wizard = true;
          res.marked_not_applicable.push(item.id);
        } else if (ok && a.status === 'not_applicable' && a.set_by_wizard) {
          audit(name, item.id, 'status', a.status, 'todo', 'wizard');
          a.status = 'todo';
          a.reason = '';
          a.set_by_wizard = false;
          res.restored.push(item.id);
        }
      }
      w.profile = p;
      w.profile_set_at = now();
      save();
      return res;
    }, 400),
  Progress: (name: string) =>
    delay(() => {
      ws(name);
      const ids = cat.items.map((i) => i.id);
      const states = ids.map((id) => state(name, id));
      return {
        overall: count(name, ids, '', { en: 'Overall', 'zh-CN': '总体' }),
        sections: cat.sections.map((s) => count(name, cat.items.filter((i) => i.section === s.id).map((i) => i.id), s.id, s.title)),
        overdue: states.filter((s) => s.overdue).map((s) => s.id),
        at_risk: states.filter((s) => s.status === 'at_risk').map((s) => s.id),
      };
    }),
  CatalogueChanges: (name: string) =>
    delay(() => {
      const w = ws(name);
      if (w.reviewed_version === cat.version) return { from: w.reviewed_version, to: cat.version, new: [], changed: [] };
      return {
        from: w.reviewed_version,
        to: cat.version,
        new: cat.items.filter((i) => i.since > w.reviewed_version).map((i) => i.id),
        changed: cat.items.filter((i) => i.since <= w.reviewed_version && i.changed > w.reviewed_version).map((i) => i.id),
      };
    }),
  MarkReviewed: (name: string) =>
    delay(() => {
      ws(name).reviewed_version = cat.version;
      save();
    }),
};

function settings(): Settings {
  return { language: db.language, effective_language: effective(), system_language: navigator.language };
}

export const app = {
  AppInfo: () =>
    delay(() => ({
      version: '0.1.0-dev (mock)',
      data_dir: '/home/you/.local/share/steward',
      database_path: '/home/you/.local/share/steward/steward.db',
      log_path: '/home/you/.local/share/steward/steward.log',
      catalogue_version: cat.version,
      catalogue_date: cat.date,
      executable: '/usr/bin/steward',
      build: { version: '0.1.0-dev (mock)', commit: 'mock', build_date: '2026-01-01T00:00:00Z', go_version: 'go1.26' },
    })),
  Settings: () => delay(settings),
  SetLanguage: (lang: '' | Lang) =>
    delay(() => {
      db.language = lang;
      save();
      return settings();
    }),
  Theme: () => delay(() => db.theme ?? 'system'),
  TestConnection: () =>
    delay(() => ({ base_url: 'https://api.openai.com/v1', key_label: '', status: 'invalid', models: 0, message: '' }), 500),
  You: () => delay(() => ({ name: db.you ?? '', os_user: 'you', members: ['Ana', 'Bo'] })),
  SetYou: (name: string) =>
    delay(() => {
      db.you = name.trim();
      save();
      return { name: db.you, os_user: 'you', members: ['Ana', 'Bo'] };
    }),
  SetTheme: (theme: string) =>
    delay(() => {
      db.theme = theme;
      save();
      return theme;
    }),
  ExportChecklist: (name: string, format: string, lang: Lang) =>
    delay(() => `/home/you/Documents/${name}-checklist.${lang}.${format}`, 900),
  BackupDatabase: () => delay(() => `/home/you/Documents/steward-backup-${today()}.db`, 600),
  PickEvidenceFile: () => delay(() => '/home/you/Documents/compliance/dpa-openai-signed.pdf'),
};
