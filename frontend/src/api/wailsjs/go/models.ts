export namespace app {
	
	export class ConnectionTest {
	    base_url: string;
	    key_label: string;
	    status: string;
	    models: number;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ConnectionTest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.base_url = source["base_url"];
	        this.key_label = source["key_label"];
	        this.status = source["status"];
	        this.models = source["models"];
	        this.message = source["message"];
	    }
	}
	export class DataInfo {
	    data_dir: string;
	    database_path: string;
	    log_path: string;
	    catalogue_version: string;
	    catalogue_date: string;
	
	    static createFrom(source: any = {}) {
	        return new DataInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.data_dir = source["data_dir"];
	        this.database_path = source["database_path"];
	        this.log_path = source["log_path"];
	        this.catalogue_version = source["catalogue_version"];
	        this.catalogue_date = source["catalogue_date"];
	    }
	}
	export class ErrorInfo {
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ErrorInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class ReportRequest {
	    since: string;
	    until: string;
	    by: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.since = source["since"];
	        this.until = source["until"];
	        this.by = source["by"];
	        this.source = source["source"];
	    }
	}
	export class ScanRequest {
	    paths: string[];
	    history: boolean;
	    respect_gitignore: boolean;
	    baseline?: string;
	    max_file_size?: number;
	
	    static createFrom(source: any = {}) {
	        return new ScanRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paths = source["paths"];
	        this.history = source["history"];
	        this.respect_gitignore = source["respect_gitignore"];
	        this.baseline = source["baseline"];
	        this.max_file_size = source["max_file_size"];
	    }
	}
	export class Setting {
	    name: string;
	    value: string;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new Setting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	        this.description = source["description"];
	    }
	}
	export class TeamDatabase {
	    url: string;
	    name: string;
	    passwordSet: boolean;
	    connected: boolean;
	    problem?: ErrorInfo;
	
	    static createFrom(source: any = {}) {
	        return new TeamDatabase(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.name = source["name"];
	        this.passwordSet = source["passwordSet"];
	        this.connected = source["connected"];
	        this.problem = this.convertValues(source["problem"], ErrorInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class VaultStatus {
	    kind: string;
	    ready: boolean;
	    exists: boolean;
	    problem?: ErrorInfo;
	
	    static createFrom(source: any = {}) {
	        return new VaultStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.ready = source["ready"];
	        this.exists = source["exists"];
	        this.problem = this.convertValues(source["problem"], ErrorInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class You {
	    name: string;
	    os_user: string;
	    members: string[];
	
	    static createFrom(source: any = {}) {
	        return new You(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.os_user = source["os_user"];
	        this.members = source["members"];
	    }
	}

}

export namespace buildinfo {
	
	export class Info {
	    version: string;
	    commit: string;
	    build_date: string;
	    go_version: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.build_date = source["build_date"];
	        this.go_version = source["go_version"];
	    }
	}

}

export namespace checklist {
	
	export enum EvidenceKind {
	    GATEWAY_LOG = "gateway-log",
	    KEY_REGISTER = "key-register",
	    LEAK_SCAN = "leak-scan",
	    MODERATION_RUN = "moderation-run",
	    PRIVACY_DRAFT = "privacy-draft",
	    USAGE_REPORT = "usage-report",
	}
	export enum EvidenceRefKind {
	    CHECK = "check",
	    FILE = "file",
	    RECORD = "record",
	    URL = "url",
	}
	export enum Status {
	    AT_RISK = "at_risk",
	    DONE = "done",
	    IN_PROGRESS = "in_progress",
	    NOT_APPLICABLE = "not_applicable",
	    TODO = "todo",
	}
	export class AuditEntry {
	    id: number;
	    item_id: string;
	    at: string;
	    field: string;
	    old: string;
	    new: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.item_id = source["item_id"];
	        this.at = source["at"];
	        this.field = source["field"];
	        this.old = source["old"];
	        this.new = source["new"];
	        this.source = source["source"];
	    }
	}
	export class CatalogueChanges {
	    from: string;
	    to: string;
	    new: string[];
	    changed: string[];
	
	    static createFrom(source: any = {}) {
	        return new CatalogueChanges(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.new = source["new"];
	        this.changed = source["changed"];
	    }
	}
	export class Source {
	    title: Text;
	    section: Text;
	    effective?: string;
	    url: string;
	
	    static createFrom(source: any = {}) {
	        return new Source(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = this.convertValues(source["title"], Text);
	        this.section = this.convertValues(source["section"], Text);
	        this.effective = source["effective"];
	        this.url = source["url"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Condition {
	    all?: string[];
	    any?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Condition(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.all = source["all"];
	        this.any = source["any"];
	    }
	}
	export class Steps {
	    en: string[];
	    "zh-CN": string[];
	
	    static createFrom(source: any = {}) {
	        return new Steps(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.en = source["en"];
	        this["zh-CN"] = source["zh-CN"];
	    }
	}
	export class Item {
	    id: string;
	    section: string;
	    title: Text;
	    why: Text;
	    // Go type: Steps
	    how: any;
	    applies: Text;
	    // Go type: Condition
	    applies_if: any;
	    sources: Source[];
	    since: string;
	    changed: string;
	    evidence?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.section = source["section"];
	        this.title = this.convertValues(source["title"], Text);
	        this.why = this.convertValues(source["why"], Text);
	        this.how = this.convertValues(source["how"], null);
	        this.applies = this.convertValues(source["applies"], Text);
	        this.applies_if = this.convertValues(source["applies_if"], null);
	        this.sources = this.convertValues(source["sources"], Source);
	        this.since = source["since"];
	        this.changed = source["changed"];
	        this.evidence = source["evidence"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Text {
	    en: string;
	    "zh-CN": string;
	
	    static createFrom(source: any = {}) {
	        return new Text(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.en = source["en"];
	        this["zh-CN"] = source["zh-CN"];
	    }
	}
	export class Section {
	    id: string;
	    title: Text;
	    summary: Text;
	
	    static createFrom(source: any = {}) {
	        return new Section(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = this.convertValues(source["title"], Text);
	        this.summary = this.convertValues(source["summary"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CatalogueInfo {
	    version: string;
	    date: string;
	    sections: Section[];
	    items: Item[];
	
	    static createFrom(source: any = {}) {
	        return new CatalogueInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.date = source["date"];
	        this.sections = this.convertValues(source["sections"], Section);
	        this.items = this.convertValues(source["items"], Item);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Change {
	    status?: string;
	    owner?: string;
	    due?: string;
	    notes?: string;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.owner = source["owner"];
	        this.due = source["due"];
	        this.notes = source["notes"];
	        this.reason = source["reason"];
	    }
	}
	export class Evidence {
	    id: number;
	    kind: string;
	    ref: string;
	    label: string;
	    added_at: string;
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.ref = source["ref"];
	        this.label = source["label"];
	        this.added_at = source["added_at"];
	    }
	}
	export class EvidenceInput {
	    kind: string;
	    ref: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new EvidenceInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.ref = source["ref"];
	        this.label = source["label"];
	    }
	}
	export class ImportResult {
	    workspace: string;
	    items: number;
	    changed: number;
	    evidence_added: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workspace = source["workspace"];
	        this.items = source["items"];
	        this.changed = source["changed"];
	        this.evidence_added = source["evidence_added"];
	    }
	}
	
	export class ItemState {
	    id: string;
	    section: string;
	    title: Text;
	    why: Text;
	    // Go type: Steps
	    how: any;
	    applies: Text;
	    // Go type: Condition
	    applies_if: any;
	    sources: Source[];
	    since: string;
	    changed: string;
	    app_evidence: string[];
	    status: string;
	    owner: string;
	    due: string;
	    notes: string;
	    reason: string;
	    set_by_wizard: boolean;
	    updated_at: string;
	    overdue: boolean;
	    evidence: Evidence[];
	
	    static createFrom(source: any = {}) {
	        return new ItemState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.section = source["section"];
	        this.title = this.convertValues(source["title"], Text);
	        this.why = this.convertValues(source["why"], Text);
	        this.how = this.convertValues(source["how"], null);
	        this.applies = this.convertValues(source["applies"], Text);
	        this.applies_if = this.convertValues(source["applies_if"], null);
	        this.sources = this.convertValues(source["sources"], Source);
	        this.since = source["since"];
	        this.changed = source["changed"];
	        this.app_evidence = source["app_evidence"];
	        this.status = source["status"];
	        this.owner = source["owner"];
	        this.due = source["due"];
	        this.notes = source["notes"];
	        this.reason = source["reason"];
	        this.set_by_wizard = source["set_by_wizard"];
	        this.updated_at = source["updated_at"];
	        this.overdue = source["overdue"];
	        this.evidence = this.convertValues(source["evidence"], Evidence);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Profile {
	    consumer: boolean;
	    chatbot: boolean;
	    medical: boolean;
	    legal: boolean;
	    financial: boolean;
	    news: boolean;
	    minors: boolean;
	    impersonation: boolean;
	    eu: boolean;
	    california: boolean;
	    china: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.consumer = source["consumer"];
	        this.chatbot = source["chatbot"];
	        this.medical = source["medical"];
	        this.legal = source["legal"];
	        this.financial = source["financial"];
	        this.news = source["news"];
	        this.minors = source["minors"];
	        this.impersonation = source["impersonation"];
	        this.eu = source["eu"];
	        this.california = source["california"];
	        this.china = source["china"];
	    }
	}
	export class SectionProgress {
	    section: string;
	    title: Text;
	    total: number;
	    done: number;
	    in_progress: number;
	    todo: number;
	    at_risk: number;
	    not_applicable: number;
	    percent: number;
	
	    static createFrom(source: any = {}) {
	        return new SectionProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.section = source["section"];
	        this.title = this.convertValues(source["title"], Text);
	        this.total = source["total"];
	        this.done = source["done"];
	        this.in_progress = source["in_progress"];
	        this.todo = source["todo"];
	        this.at_risk = source["at_risk"];
	        this.not_applicable = source["not_applicable"];
	        this.percent = source["percent"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Progress {
	    overall: SectionProgress;
	    sections: SectionProgress[];
	    overdue: string[];
	    at_risk: string[];
	
	    static createFrom(source: any = {}) {
	        return new Progress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.overall = this.convertValues(source["overall"], SectionProgress);
	        this.sections = this.convertValues(source["sections"], SectionProgress);
	        this.overdue = source["overdue"];
	        this.at_risk = source["at_risk"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class WizardResult {
	    marked_not_applicable: string[];
	    restored: string[];
	
	    static createFrom(source: any = {}) {
	        return new WizardResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.marked_not_applicable = source["marked_not_applicable"];
	        this.restored = source["restored"];
	    }
	}
	export class Workspace {
	    id: number;
	    name: string;
	    created_at: string;
	    reviewed_version: string;
	    profile?: Profile;
	    profile_set_at: string;
	
	    static createFrom(source: any = {}) {
	        return new Workspace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.created_at = source["created_at"];
	        this.reviewed_version = source["reviewed_version"];
	        this.profile = this.convertValues(source["profile"], Profile);
	        this.profile_set_at = source["profile_set_at"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace checks {
	
	export class DueItem {
	    workspace: string;
	    item: string;
	    title: checklist.Text;
	    due: string;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DueItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workspace = source["workspace"];
	        this.item = source["item"];
	        this.title = this.convertValues(source["title"], checklist.Text);
	        this.due = source["due"];
	        this.overdue = source["overdue"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GuideStep {
	    id: string;
	    title: checklist.Text;
	    done: boolean;
	    screen: string;
	
	    static createFrom(source: any = {}) {
	        return new GuideStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = this.convertValues(source["title"], checklist.Text);
	        this.done = source["done"];
	        this.screen = source["screen"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Info {
	    item: string;
	    title: checklist.Text;
	    sources: string[];
	    window_days: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.title = this.convertValues(source["title"], checklist.Text);
	        this.sources = source["sources"];
	        this.window_days = source["window_days"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OpenFinding {
	    source: string;
	    severity: string;
	    title: checklist.Text;
	    ref: string;
	    screen: string;
	
	    static createFrom(source: any = {}) {
	        return new OpenFinding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.severity = source["severity"];
	        this.title = this.convertValues(source["title"], checklist.Text);
	        this.ref = source["ref"];
	        this.screen = source["screen"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Override {
	    status: string;
	    check_status: string;
	    note: string;
	    source: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new Override(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.check_status = source["check_status"];
	        this.note = source["note"];
	        this.source = source["source"];
	        this.at = source["at"];
	    }
	}
	export class Result {
	    item: string;
	    status: string;
	    reason: checklist.Text;
	    checked_at: string;
	    evidence: Record<string, any>;
	    stale: boolean;
	    proposed: string;
	    override?: Override;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.status = source["status"];
	        this.reason = this.convertValues(source["reason"], checklist.Text);
	        this.checked_at = source["checked_at"];
	        this.evidence = source["evidence"];
	        this.stale = source["stale"];
	        this.proposed = source["proposed"];
	        this.override = this.convertValues(source["override"], Override);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Posture {
	    workspace: string;
	    percent: number;
	    done: number;
	    failing: number;
	    stale: number;
	    due_soon: number;
	    overdue: number;
	    checks: Result[];
	    screens: string[];
	
	    static createFrom(source: any = {}) {
	        return new Posture(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workspace = source["workspace"];
	        this.percent = source["percent"];
	        this.done = source["done"];
	        this.failing = source["failing"];
	        this.stale = source["stale"];
	        this.due_soon = source["due_soon"];
	        this.overdue = source["overdue"];
	        this.checks = this.convertValues(source["checks"], Result);
	        this.screens = source["screens"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Overview {
	    workspaces: Posture[];
	    findings: OpenFinding[];
	    due: DueItem[];
	    guide: GuideStep[];
	    first_run: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.workspaces = this.convertValues(source["workspaces"], Posture);
	        this.findings = this.convertValues(source["findings"], OpenFinding);
	        this.due = this.convertValues(source["due"], DueItem);
	        this.guide = this.convertValues(source["guide"], GuideStep);
	        this.first_run = source["first_run"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Scope {
	    folders: string[];
	    suites: string[];
	    members: string[];
	    regions: string[];
	
	    static createFrom(source: any = {}) {
	        return new Scope(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folders = source["folders"];
	        this.suites = source["suites"];
	        this.members = source["members"];
	        this.regions = source["regions"];
	    }
	}

}

export namespace gateway {
	
	export class Alert {
	    time: string;
	    first: string;
	    kind: string;
	    provider: string;
	    member: string;
	    message: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Alert(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.time = source["time"];
	        this.first = source["first"];
	        this.kind = source["kind"];
	        this.provider = source["provider"];
	        this.member = source["member"];
	        this.message = source["message"];
	        this.count = source["count"];
	    }
	}
	export class BlockedEndUser {
	    member: string;
	    subject: string;
	    flags: number;
	    blocked_at: string;
	
	    static createFrom(source: any = {}) {
	        return new BlockedEndUser(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member = source["member"];
	        this.subject = source["subject"];
	        this.flags = source["flags"];
	        this.blocked_at = source["blocked_at"];
	    }
	}
	export class Config {
	    listen: string;
	    upstream: string;
	    upstream_key_label: string;
	    upstream_auth: string;
	    add_include_usage: boolean;
	    max_body_bytes: number;
	    connect_timeout: number;
	    first_byte_timeout: number;
	    idle_timeout: number;
	    breaker_cooldown: number;
	    no_safety_identifiers: boolean;
	    responses_store_false: boolean;
	    blocklist_threshold: number;
	
	    static createFrom(source: any = {}) {
	        return new Config(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.listen = source["listen"];
	        this.upstream = source["upstream"];
	        this.upstream_key_label = source["upstream_key_label"];
	        this.upstream_auth = source["upstream_auth"];
	        this.add_include_usage = source["add_include_usage"];
	        this.max_body_bytes = source["max_body_bytes"];
	        this.connect_timeout = source["connect_timeout"];
	        this.first_byte_timeout = source["first_byte_timeout"];
	        this.idle_timeout = source["idle_timeout"];
	        this.breaker_cooldown = source["breaker_cooldown"];
	        this.no_safety_identifiers = source["no_safety_identifiers"];
	        this.responses_store_false = source["responses_store_false"];
	        this.blocklist_threshold = source["blocklist_threshold"];
	    }
	}
	export class ProviderCheck {
	    provider: string;
	    base_url: string;
	    primary: boolean;
	    model: string;
	    ok: boolean;
	    status: number;
	    latency_ms: number;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new ProviderCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provider = source["provider"];
	        this.base_url = source["base_url"];
	        this.primary = source["primary"];
	        this.model = source["model"];
	        this.ok = source["ok"];
	        this.status = source["status"];
	        this.latency_ms = source["latency_ms"];
	        this.error = source["error"];
	    }
	}
	export class Drill {
	    at: string;
	    passed: boolean;
	    answered_by: string;
	    summary: string;
	    checks: ProviderCheck[];
	
	    static createFrom(source: any = {}) {
	        return new Drill(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.passed = source["passed"];
	        this.answered_by = source["answered_by"];
	        this.summary = source["summary"];
	        this.checks = this.convertValues(source["checks"], ProviderCheck);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ErrorEntry {
	    time: string;
	    member: string;
	    method: string;
	    endpoint: string;
	    status: number;
	    type: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new ErrorEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.time = source["time"];
	        this.member = source["member"];
	        this.method = source["method"];
	        this.endpoint = source["endpoint"];
	        this.status = source["status"];
	        this.type = source["type"];
	        this.message = source["message"];
	    }
	}
	export class GuardEvent {
	    at: string;
	    kind: string;
	    member: string;
	    subject: string;
	    provider: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new GuardEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.member = source["member"];
	        this.subject = source["subject"];
	        this.provider = source["provider"];
	        this.detail = source["detail"];
	    }
	}
	export class Headroom {
	    provider: string;
	    key_fingerprint: string;
	    model: string;
	    limit_requests: number;
	    remaining_requests: number;
	    limit_tokens: number;
	    remaining_tokens: number;
	    percent: number;
	    low: boolean;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new Headroom(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.provider = source["provider"];
	        this.key_fingerprint = source["key_fingerprint"];
	        this.model = source["model"];
	        this.limit_requests = source["limit_requests"];
	        this.remaining_requests = source["remaining_requests"];
	        this.limit_tokens = source["limit_tokens"];
	        this.remaining_tokens = source["remaining_tokens"];
	        this.percent = source["percent"];
	        this.low = source["low"];
	        this.at = source["at"];
	    }
	}
	export class Policy {
	    member: string;
	    requests_per_minute: number;
	    tokens_per_day: number;
	    allowed_models: string[];
	    moderation: string;
	    pii: string;
	    output_moderation: string;
	    updated_at: string;
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.member = source["member"];
	        this.requests_per_minute = source["requests_per_minute"];
	        this.tokens_per_day = source["tokens_per_day"];
	        this.allowed_models = source["allowed_models"];
	        this.moderation = source["moderation"];
	        this.pii = source["pii"];
	        this.output_moderation = source["output_moderation"];
	        this.updated_at = source["updated_at"];
	    }
	}
	export class Provider {
	    name: string;
	    base_url: string;
	    key_label: string;
	    models: Record<string, string>;
	    primary: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Provider(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.base_url = source["base_url"];
	        this.key_label = source["key_label"];
	        this.models = source["models"];
	        this.primary = source["primary"];
	    }
	}
	
	export class ProviderState {
	    name: string;
	    base_url: string;
	    key_label: string;
	    models: Record<string, string>;
	    primary: boolean;
	    state: string;
	    reason: string;
	    since: string;
	    retry_at: string;
	    last_error: string;
	    last_error_at: string;
	    requests: number;
	    failures: number;
	    latency_ms: number;
	
	    static createFrom(source: any = {}) {
	        return new ProviderState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.base_url = source["base_url"];
	        this.key_label = source["key_label"];
	        this.models = source["models"];
	        this.primary = source["primary"];
	        this.state = source["state"];
	        this.reason = source["reason"];
	        this.since = source["since"];
	        this.retry_at = source["retry_at"];
	        this.last_error = source["last_error"];
	        this.last_error_at = source["last_error_at"];
	        this.requests = source["requests"];
	        this.failures = source["failures"];
	        this.latency_ms = source["latency_ms"];
	    }
	}
	export class Setting {
	    key: string;
	    value: string;
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new Setting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.value = source["value"];
	        this.help = source["help"];
	    }
	}
	export class Stats {
	    running: boolean;
	    started_at: string;
	    requests: number;
	    in_flight: number;
	    streams: number;
	    errors: number;
	    refused: number;
	    queue_overflow: number;
	    recorder_failures: number;
	    recent_errors: ErrorEntry[];
	    failovers: number;
	    providers: ProviderState[];
	    alerts: Alert[];
	    headroom: Headroom[];
	
	    static createFrom(source: any = {}) {
	        return new Stats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.started_at = source["started_at"];
	        this.requests = source["requests"];
	        this.in_flight = source["in_flight"];
	        this.streams = source["streams"];
	        this.errors = source["errors"];
	        this.refused = source["refused"];
	        this.queue_overflow = source["queue_overflow"];
	        this.recorder_failures = source["recorder_failures"];
	        this.recent_errors = this.convertValues(source["recent_errors"], ErrorEntry);
	        this.failovers = source["failovers"];
	        this.providers = this.convertValues(source["providers"], ProviderState);
	        this.alerts = this.convertValues(source["alerts"], Alert);
	        this.headroom = this.convertValues(source["headroom"], Headroom);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Status {
	    running: boolean;
	    base_url: string;
	    listen: string;
	    upstream: string;
	    stats: Stats;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.running = source["running"];
	        this.base_url = source["base_url"];
	        this.listen = source["listen"];
	        this.upstream = source["upstream"];
	        this.stats = this.convertValues(source["stats"], Stats);
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Token {
	    id: number;
	    member: string;
	    prefix: string;
	    created_at: string;
	    last_used_at: string;
	    revoked_at: string;
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Token(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.member = source["member"];
	        this.prefix = source["prefix"];
	        this.created_at = source["created_at"];
	        this.last_used_at = source["last_used_at"];
	        this.revoked_at = source["revoked_at"];
	        this.active = source["active"];
	    }
	}

}

export namespace keys {
	
	export enum Environment {
	    DEV = "dev",
	    PROD = "prod",
	    STAGING = "staging",
	}
	export enum Kind {
	    ADMIN = "admin",
	    LEGACY_USER = "legacy_user",
	    PROJECT = "project",
	    SERVICE_ACCOUNT = "service_account",
	}
	export enum Status {
	    ACTIVE = "active",
	    RETIRED = "retired",
	    REVOKED = "revoked",
	    ROTATION_DUE = "rotation_due",
	}
	export class Decision {
	    action: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.to = source["to"];
	    }
	}
	export class Event {
	    id: number;
	    at: string;
	    event: string;
	    key_id: number;
	    label: string;
	    member: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.event = source["event"];
	        this.key_id = source["key_id"];
	        this.label = source["label"];
	        this.member = source["member"];
	        this.detail = source["detail"];
	    }
	}
	export class Text {
	    en: string;
	    "zh-CN": string;
	
	    static createFrom(source: any = {}) {
	        return new Text(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.en = source["en"];
	        this["zh-CN"] = source["zh-CN"];
	    }
	}
	export class Finding {
	    id: string;
	    kind: string;
	    severity: string;
	    members: string[];
	    labels: string[];
	    key_ids: number[];
	    title: Text;
	    why: Text;
	    fix: Text;
	    since: string;
	    checklist: string[];
	    computed_at: string;
	
	    static createFrom(source: any = {}) {
	        return new Finding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.severity = source["severity"];
	        this.members = source["members"];
	        this.labels = source["labels"];
	        this.key_ids = source["key_ids"];
	        this.title = this.convertValues(source["title"], Text);
	        this.why = this.convertValues(source["why"], Text);
	        this.fix = this.convertValues(source["fix"], Text);
	        this.since = source["since"];
	        this.checklist = source["checklist"];
	        this.computed_at = source["computed_at"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Key {
	    id: number;
	    label: string;
	    member_id: number;
	    member: string;
	    environment: string;
	    kind: string;
	    fingerprint: string;
	    redacted: string;
	    status: string;
	    notes: string;
	    created_at: string;
	    marked_at: string;
	    rotated_at: string;
	    revoked_at: string;
	    replaces: number;
	    replaced_by: number;
	    verified_at: string;
	    verify_result: string;
	    verify_detail: string;
	    rotate_by: string;
	
	    static createFrom(source: any = {}) {
	        return new Key(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.member_id = source["member_id"];
	        this.member = source["member"];
	        this.environment = source["environment"];
	        this.kind = source["kind"];
	        this.fingerprint = source["fingerprint"];
	        this.redacted = source["redacted"];
	        this.status = source["status"];
	        this.notes = source["notes"];
	        this.created_at = source["created_at"];
	        this.marked_at = source["marked_at"];
	        this.rotated_at = source["rotated_at"];
	        this.revoked_at = source["revoked_at"];
	        this.replaces = source["replaces"];
	        this.replaced_by = source["replaced_by"];
	        this.verified_at = source["verified_at"];
	        this.verify_result = source["verify_result"];
	        this.verify_detail = source["verify_detail"];
	        this.rotate_by = source["rotate_by"];
	    }
	}
	export class KeyEdit {
	    label?: string;
	    environment?: string;
	    notes?: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyEdit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.environment = source["environment"];
	        this.notes = source["notes"];
	    }
	}
	export class KeyInput {
	    label: string;
	    member: string;
	    environment: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.member = source["member"];
	        this.environment = source["environment"];
	        this.notes = source["notes"];
	    }
	}
	export class Member {
	    id: number;
	    name: string;
	    email: string;
	    role: string;
	    created_at: string;
	    active_keys: number;
	
	    static createFrom(source: any = {}) {
	        return new Member(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.created_at = source["created_at"];
	        this.active_keys = source["active_keys"];
	    }
	}
	export class MemberInput {
	    name: string;
	    email: string;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new MemberInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	    }
	}
	export class Place {
	    id: number;
	    key_id: number;
	    place: string;
	    added_at: string;
	    done_at: string;
	
	    static createFrom(source: any = {}) {
	        return new Place(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.key_id = source["key_id"];
	        this.place = source["place"];
	        this.added_at = source["added_at"];
	        this.done_at = source["done_at"];
	    }
	}
	export class Policy {
	    environment: string;
	    rotation_days: number;
	    default: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.environment = source["environment"];
	        this.rotation_days = source["rotation_days"];
	        this.default = source["default"];
	    }
	}

}

export namespace leakscan {
	
	export class LeakFinding {
	    rule: string;
	    severity: string;
	    root: string;
	    file: string;
	    line: number;
	    column: number;
	    commit?: string;
	    author?: string;
	    date?: string;
	    redacted: string;
	    fingerprint: string;
	    member?: string;
	    label?: string;
	
	    static createFrom(source: any = {}) {
	        return new LeakFinding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.severity = source["severity"];
	        this.root = source["root"];
	        this.file = source["file"];
	        this.line = source["line"];
	        this.column = source["column"];
	        this.commit = source["commit"];
	        this.author = source["author"];
	        this.date = source["date"];
	        this.redacted = source["redacted"];
	        this.fingerprint = source["fingerprint"];
	        this.member = source["member"];
	        this.label = source["label"];
	    }
	}
	export class Stats {
	    files: number;
	    bytes: number;
	    commits: number;
	    seconds: number;
	    binary_files: number;
	    suppressed: number;
	
	    static createFrom(source: any = {}) {
	        return new Stats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.files = source["files"];
	        this.bytes = source["bytes"];
	        this.commits = source["commits"];
	        this.seconds = source["seconds"];
	        this.binary_files = source["binary_files"];
	        this.suppressed = source["suppressed"];
	    }
	}
	export class Skipped {
	    root: string;
	    file: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Skipped(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.root = source["root"];
	        this.file = source["file"];
	        this.reason = source["reason"];
	    }
	}
	export class Result {
	    roots: string[];
	    history: boolean;
	    // Go type: time
	    started_at: any;
	    // Go type: time
	    finished_at: any;
	    status: string;
	    error?: string;
	    findings: LeakFinding[];
	    skipped: Skipped[];
	    stats: Stats;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.roots = source["roots"];
	        this.history = source["history"];
	        this.started_at = this.convertValues(source["started_at"], null);
	        this.finished_at = this.convertValues(source["finished_at"], null);
	        this.status = source["status"];
	        this.error = source["error"];
	        this.findings = this.convertValues(source["findings"], LeakFinding);
	        this.skipped = this.convertValues(source["skipped"], Skipped);
	        this.stats = this.convertValues(source["stats"], Stats);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ScanSummary {
	    id: number;
	    root: string;
	    roots: string[];
	    // Go type: time
	    started_at: any;
	    // Go type: time
	    finished_at: any;
	    history: boolean;
	    files: number;
	    bytes: number;
	    commits: number;
	    seconds: number;
	    status: string;
	    error: string;
	    findings: number;
	    clean: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ScanSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.root = source["root"];
	        this.roots = source["roots"];
	        this.started_at = this.convertValues(source["started_at"], null);
	        this.finished_at = this.convertValues(source["finished_at"], null);
	        this.history = source["history"];
	        this.files = source["files"];
	        this.bytes = source["bytes"];
	        this.commits = source["commits"];
	        this.seconds = source["seconds"];
	        this.status = source["status"];
	        this.error = source["error"];
	        this.findings = source["findings"];
	        this.clean = source["clean"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace main {
	
	export class AppInfo {
	    version: string;
	    data_dir: string;
	    database_path: string;
	    log_path: string;
	    catalogue_version: string;
	    catalogue_date: string;
	    executable: string;
	    startup_error?: app.ErrorInfo;
	    build: buildinfo.Info;
	
	    static createFrom(source: any = {}) {
	        return new AppInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.data_dir = source["data_dir"];
	        this.database_path = source["database_path"];
	        this.log_path = source["log_path"];
	        this.catalogue_version = source["catalogue_version"];
	        this.catalogue_date = source["catalogue_date"];
	        this.executable = source["executable"];
	        this.startup_error = this.convertValues(source["startup_error"], app.ErrorInfo);
	        this.build = this.convertValues(source["build"], buildinfo.Info);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace moderation {
	
	export enum Category {
	    HARASSMENT = "harassment",
	    HARASSMENT_THREATENING = "harassment/threatening",
	    HATE = "hate",
	    HATE_THREATENING = "hate/threatening",
	    ILLICIT = "illicit",
	    ILLICIT_VIOLENT = "illicit/violent",
	    SELF_HARM = "self-harm",
	    SELF_HARM_INSTRUCTIONS = "self-harm/instructions",
	    SELF_HARM_INTENT = "self-harm/intent",
	    SEXUAL = "sexual",
	    SEXUAL_MINORS = "sexual/minors",
	    VIOLENCE = "violence",
	    VIOLENCE_GRAPHIC = "violence/graphic",
	}
	export enum PIIPolicy {
	    BLOCK = "block",
	    OFF = "off",
	    REDACT = "redact",
	}
	export enum ResultState {
	    DONE = "done",
	    ERROR = "error",
	    PENDING = "pending",
	}
	export enum RunStatus {
	    CANCELLED = "cancelled",
	    COMPLETED = "completed",
	    FAILED = "failed",
	    INTERRUPTED = "interrupted",
	    PAUSED = "paused",
	    PENDING = "pending",
	    RUNNING = "running",
	}
	export class Counts {
	    tp: number;
	    fp: number;
	    fn: number;
	    tn: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tp = source["tp"];
	        this.fp = source["fp"];
	        this.fn = source["fn"];
	        this.tn = source["tn"];
	    }
	}
	export class CategoryMetrics {
	    category: string;
	    labelled: number;
	    counts: Counts;
	    precision?: number;
	    recall?: number;
	
	    static createFrom(source: any = {}) {
	        return new CategoryMetrics(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.labelled = source["labelled"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.precision = source["precision"];
	        this.recall = source["recall"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SweepPoint {
	    threshold: number;
	    counts: Counts;
	    precision?: number;
	    recall?: number;
	
	    static createFrom(source: any = {}) {
	        return new SweepPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.threshold = source["threshold"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.precision = source["precision"];
	        this.recall = source["recall"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CategorySweep {
	    category: string;
	    labelled: number;
	    points: SweepPoint[];
	
	    static createFrom(source: any = {}) {
	        return new CategorySweep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.labelled = source["labelled"];
	        this.points = this.convertValues(source["points"], SweepPoint);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ItemChange {
	    item_id: number;
	    input: string;
	    index_a: number;
	    index_b: number;
	    flagged_a: boolean;
	    flagged_b: boolean;
	    top_a: string;
	    top_b: string;
	    top_score_a: number;
	    top_score_b: number;
	    flag_changed: boolean;
	    top_changed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ItemChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item_id = source["item_id"];
	        this.input = source["input"];
	        this.index_a = source["index_a"];
	        this.index_b = source["index_b"];
	        this.flagged_a = source["flagged_a"];
	        this.flagged_b = source["flagged_b"];
	        this.top_a = source["top_a"];
	        this.top_b = source["top_b"];
	        this.top_score_a = source["top_score_a"];
	        this.top_score_b = source["top_score_b"];
	        this.flag_changed = source["flag_changed"];
	        this.top_changed = source["top_changed"];
	    }
	}
	export class Run {
	    id: number;
	    suite_id: number;
	    suite_name: string;
	    model: string;
	    batch_size: number;
	    concurrency: number;
	    rpm: number;
	    tpm: number;
	    status: string;
	    total: number;
	    done: number;
	    errors: number;
	    flagged: number;
	    created_at: string;
	    finished_at: string;
	    error: string;
	    error_zh: string;
	
	    static createFrom(source: any = {}) {
	        return new Run(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.suite_id = source["suite_id"];
	        this.suite_name = source["suite_name"];
	        this.model = source["model"];
	        this.batch_size = source["batch_size"];
	        this.concurrency = source["concurrency"];
	        this.rpm = source["rpm"];
	        this.tpm = source["tpm"];
	        this.status = source["status"];
	        this.total = source["total"];
	        this.done = source["done"];
	        this.errors = source["errors"];
	        this.flagged = source["flagged"];
	        this.created_at = source["created_at"];
	        this.finished_at = source["finished_at"];
	        this.error = source["error"];
	        this.error_zh = source["error_zh"];
	    }
	}
	export class Comparison {
	    run_a: Run;
	    run_b: Run;
	    thresholds: Record<string, number>;
	    compared: number;
	    unchanged: number;
	    not_in_both: number;
	    changes: ItemChange[];
	
	    static createFrom(source: any = {}) {
	        return new Comparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run_a = this.convertValues(source["run_a"], Run);
	        this.run_b = this.convertValues(source["run_b"], Run);
	        this.thresholds = source["thresholds"];
	        this.compared = source["compared"];
	        this.unchanged = source["unchanged"];
	        this.not_in_both = source["not_in_both"];
	        this.changes = this.convertValues(source["changes"], ItemChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ImportOptions {
	    format: string;
	    column: string;
	    base_dir: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.column = source["column"];
	        this.base_dir = source["base_dir"];
	    }
	}
	export class RowError {
	    line: number;
	    reason: string;
	    reason_zh: string;
	
	    static createFrom(source: any = {}) {
	        return new RowError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.reason = source["reason"];
	        this.reason_zh = source["reason_zh"];
	    }
	}
	export class ImportResult {
	    suite_id: number;
	    imported: number;
	    skipped: RowError[];
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.suite_id = source["suite_id"];
	        this.imported = source["imported"];
	        this.skipped = this.convertValues(source["skipped"], RowError);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Item {
	    id: number;
	    suite_id: number;
	    position: number;
	    text: string;
	    image_path: string;
	    expected: Record<string, boolean>;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.suite_id = source["suite_id"];
	        this.position = source["position"];
	        this.text = source["text"];
	        this.image_path = source["image_path"];
	        this.expected = source["expected"];
	    }
	}
	
	export class ItemInput {
	    text: string;
	    image_path: string;
	    expected: Record<string, boolean>;
	
	    static createFrom(source: any = {}) {
	        return new ItemInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.image_path = source["image_path"];
	        this.expected = source["expected"];
	    }
	}
	export class float64 {
	
	
	    static createFrom(source: any = {}) {
	        return new float64(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	
	    }
	}
	export class bool {
	
	
	    static createFrom(source: any = {}) {
	        return new bool(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	
	    }
	}
	export class ItemResult {
	    run_id: number;
	    index: number;
	    item_id: number;
	    input: string;
	    image_path: string;
	    expected: Record<string, boolean>;
	    state: string;
	    flagged: boolean;
	    categories: Record<string, boolean>;
	    scores: Record<string, number>;
	    applied_input_types: Record<string, Array<string>>;
	    error: string;
	    error_zh: string;
	    completed_at: string;
	
	    static createFrom(source: any = {}) {
	        return new ItemResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run_id = source["run_id"];
	        this.index = source["index"];
	        this.item_id = source["item_id"];
	        this.input = source["input"];
	        this.image_path = source["image_path"];
	        this.expected = source["expected"];
	        this.state = source["state"];
	        this.flagged = source["flagged"];
	        this.categories = source["categories"];
	        this.scores = source["scores"];
	        this.applied_input_types = source["applied_input_types"];
	        this.error = source["error"];
	        this.error_zh = source["error_zh"];
	        this.completed_at = source["completed_at"];
	    }
	}
	export class Verdict {
	    flagged: boolean;
	    categories: Record<string, boolean>;
	    top: string;
	
	    static createFrom(source: any = {}) {
	        return new Verdict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flagged = source["flagged"];
	        this.categories = source["categories"];
	        this.top = source["top"];
	    }
	}
	export class QueryRow {
	    result: ItemResult;
	    verdict: Verdict;
	    changed: boolean;
	    mismatch: boolean;
	
	    static createFrom(source: any = {}) {
	        return new QueryRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = this.convertValues(source["result"], ItemResult);
	        this.verdict = this.convertValues(source["verdict"], Verdict);
	        this.changed = source["changed"];
	        this.mismatch = source["mismatch"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ResultCounts {
	    total: number;
	    flagged: number;
	    unflagged: number;
	    errors: number;
	    pending: number;
	    changed: number;
	    mismatched: number;
	    per_category: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new ResultCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.flagged = source["flagged"];
	        this.unflagged = source["unflagged"];
	        this.errors = source["errors"];
	        this.pending = source["pending"];
	        this.changed = source["changed"];
	        this.mismatched = source["mismatched"];
	        this.per_category = source["per_category"];
	    }
	}
	export class QueryPage {
	    run: Run;
	    thresholds: Record<string, number>;
	    counts: ResultCounts;
	    matching: number;
	    page: number;
	    pages: number;
	    rows: QueryRow[];
	
	    static createFrom(source: any = {}) {
	        return new QueryPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run = this.convertValues(source["run"], Run);
	        this.thresholds = source["thresholds"];
	        this.counts = this.convertValues(source["counts"], ResultCounts);
	        this.matching = source["matching"];
	        this.page = source["page"];
	        this.pages = source["pages"];
	        this.rows = this.convertValues(source["rows"], QueryRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ReportItem {
	    index: number;
	    input: string;
	    image?: string;
	    flagged: boolean;
	    categories: Record<string, boolean>;
	    scores: Record<string, number>;
	    applied_input_types: Record<string, Array<string>>;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.input = source["input"];
	        this.image = source["image"];
	        this.flagged = source["flagged"];
	        this.categories = source["categories"];
	        this.scores = source["scores"];
	        this.applied_input_types = source["applied_input_types"];
	        this.error = source["error"];
	    }
	}
	export class ReportSummary {
	    total: number;
	    flagged: number;
	    errors: number;
	    per_category: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new ReportSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.flagged = source["flagged"];
	        this.errors = source["errors"];
	        this.per_category = source["per_category"];
	    }
	}
	
	export class ResultFilter {
	    category: string;
	    flag: string;
	    search: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ResultFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.flag = source["flag"];
	        this.search = source["search"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class ResultRow {
	    result: ItemResult;
	    verdict: Verdict;
	
	    static createFrom(source: any = {}) {
	        return new ResultRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.result = this.convertValues(source["result"], ItemResult);
	        this.verdict = this.convertValues(source["verdict"], Verdict);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ResultPage {
	    run: Run;
	    thresholds: Record<string, number>;
	    total: number;
	    rows: ResultRow[];
	
	    static createFrom(source: any = {}) {
	        return new ResultPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run = this.convertValues(source["run"], Run);
	        this.thresholds = source["thresholds"];
	        this.total = source["total"];
	        this.rows = this.convertValues(source["rows"], ResultRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ResultQuery {
	    category: string;
	    flag: string;
	    expected: string;
	    mismatch: boolean;
	    text: string;
	    thresholds: Record<string, number>;
	    sort: string;
	    desc: boolean;
	    page: number;
	    page_size: number;
	
	    static createFrom(source: any = {}) {
	        return new ResultQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.flag = source["flag"];
	        this.expected = source["expected"];
	        this.mismatch = source["mismatch"];
	        this.text = source["text"];
	        this.thresholds = source["thresholds"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.page = source["page"];
	        this.page_size = source["page_size"];
	    }
	}
	
	
	
	export class RunMetrics {
	    run_id: number;
	    thresholds: Record<string, number>;
	    labelled: number;
	    categories: CategoryMetrics[];
	    sweep: CategorySweep[];
	
	    static createFrom(source: any = {}) {
	        return new RunMetrics(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run_id = source["run_id"];
	        this.thresholds = source["thresholds"];
	        this.labelled = source["labelled"];
	        this.categories = this.convertValues(source["categories"], CategoryMetrics);
	        this.sweep = this.convertValues(source["sweep"], CategorySweep);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunOptions {
	    model: string;
	    batch_size: number;
	    concurrency: number;
	    rpm: number;
	    tpm: number;
	
	    static createFrom(source: any = {}) {
	        return new RunOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.batch_size = source["batch_size"];
	        this.concurrency = source["concurrency"];
	        this.rpm = source["rpm"];
	        this.tpm = source["tpm"];
	    }
	}
	export class RunReport {
	    run_id: number;
	    model: string;
	    items: ReportItem[];
	    summary: ReportSummary;
	
	    static createFrom(source: any = {}) {
	        return new RunReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run_id = source["run_id"];
	        this.model = source["model"];
	        this.items = this.convertValues(source["items"], ReportItem);
	        this.summary = this.convertValues(source["summary"], ReportSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Suite {
	    id: number;
	    name: string;
	    created_at: string;
	    updated_at: string;
	    item_count: number;
	    labelled: number;
	    thresholds: Record<string, number>;
	
	    static createFrom(source: any = {}) {
	        return new Suite(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.created_at = source["created_at"];
	        this.updated_at = source["updated_at"];
	        this.item_count = source["item_count"];
	        this.labelled = source["labelled"];
	        this.thresholds = source["thresholds"];
	    }
	}
	

}

export namespace org {
	
	export class AdminKey {
	    id: string;
	    name: string;
	    redacted: string;
	    owner_id: string;
	    owner_name: string;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    expires_at?: any;
	    // Go type: time
	    last_used_at?: any;
	    steward: boolean;
	
	    static createFrom(source: any = {}) {
	        return new AdminKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.redacted = source["redacted"];
	        this.owner_id = source["owner_id"];
	        this.owner_name = source["owner_name"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.expires_at = this.convertValues(source["expires_at"], null);
	        this.last_used_at = this.convertValues(source["last_used_at"], null);
	        this.steward = source["steward"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KeyRef {
	    project_id: string;
	    key_id: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.project_id = source["project_id"];
	        this.key_id = source["key_id"];
	    }
	}
	export class Ambiguity {
	    local_key_id: number;
	    label: string;
	    candidates: KeyRef[];
	
	    static createFrom(source: any = {}) {
	        return new Ambiguity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.local_key_id = source["local_key_id"];
	        this.label = source["label"];
	        this.candidates = this.convertValues(source["candidates"], KeyRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AuditEvent {
	    id: string;
	    type: string;
	    // Go type: time
	    effective_at: any;
	    project_id: string;
	    actor: string;
	    object_id: string;
	    label: string;
	    member: string;
	    payload: number[];
	
	    static createFrom(source: any = {}) {
	        return new AuditEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.type = source["type"];
	        this.effective_at = this.convertValues(source["effective_at"], null);
	        this.project_id = source["project_id"];
	        this.actor = source["actor"];
	        this.object_id = source["object_id"];
	        this.label = source["label"];
	        this.member = source["member"];
	        this.payload = source["payload"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Text {
	    en: string;
	    "zh-CN": string;
	
	    static createFrom(source: any = {}) {
	        return new Text(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.en = source["en"];
	        this["zh-CN"] = source["zh-CN"];
	    }
	}
	export class AuditImport {
	    new: number;
	    read: number;
	    logging_off: boolean;
	    how_to_on: Text;
	    imported_at: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditImport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.new = source["new"];
	        this.read = source["read"];
	        this.logging_off = source["logging_off"];
	        this.how_to_on = this.convertValues(source["how_to_on"], Text);
	        this.imported_at = source["imported_at"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Connection {
	    connected: boolean;
	    redacted: string;
	    base_url: string;
	    connected_at: string;
	    admin_key_id: string;
	    synced_at: string;
	    sync_due: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Connection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.connected = source["connected"];
	        this.redacted = source["redacted"];
	        this.base_url = source["base_url"];
	        this.connected_at = source["connected_at"];
	        this.admin_key_id = source["admin_key_id"];
	        this.synced_at = source["synced_at"];
	        this.sync_due = source["sync_due"];
	    }
	}
	export class Invite {
	    id: string;
	    email: string;
	    role: string;
	    status: string;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    expires_at?: any;
	
	    static createFrom(source: any = {}) {
	        return new Invite(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.status = source["status"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.expires_at = this.convertValues(source["expires_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class KeyRow {
	    project_id: string;
	    project: string;
	    id: string;
	    name: string;
	    redacted: string;
	    owner: string;
	    created_at: string;
	    last_used_at: string;
	    status: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.project_id = source["project_id"];
	        this.project = source["project"];
	        this.id = source["id"];
	        this.name = source["name"];
	        this.redacted = source["redacted"];
	        this.owner = source["owner"];
	        this.created_at = source["created_at"];
	        this.last_used_at = source["last_used_at"];
	        this.status = source["status"];
	        this.label = source["label"];
	    }
	}
	export class OrgKey {
	    project_id: string;
	    project: string;
	    id: string;
	    name: string;
	    redacted: string;
	    owner_type: string;
	    owner_id: string;
	    owner_name: string;
	    owner_email: string;
	    owner_access: string;
	    // Go type: time
	    created_at: any;
	    // Go type: time
	    last_used_at?: any;
	
	    static createFrom(source: any = {}) {
	        return new OrgKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.project_id = source["project_id"];
	        this.project = source["project"];
	        this.id = source["id"];
	        this.name = source["name"];
	        this.redacted = source["redacted"];
	        this.owner_type = source["owner_type"];
	        this.owner_id = source["owner_id"];
	        this.owner_name = source["owner_name"];
	        this.owner_email = source["owner_email"];
	        this.owner_access = source["owner_access"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.last_used_at = this.convertValues(source["last_used_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SpendAlert {
	    id: string;
	    threshold_amount: number;
	    currency: string;
	    interval: string;
	    recipients: string[];
	
	    static createFrom(source: any = {}) {
	        return new SpendAlert(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.threshold_amount = source["threshold_amount"];
	        this.currency = source["currency"];
	        this.interval = source["interval"];
	        this.recipients = source["recipients"];
	    }
	}
	export class SpendLimit {
	    threshold_amount: number;
	    currency: string;
	    interval: string;
	    enforcement: string;
	
	    static createFrom(source: any = {}) {
	        return new SpendLimit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.threshold_amount = source["threshold_amount"];
	        this.currency = source["currency"];
	        this.interval = source["interval"];
	        this.enforcement = source["enforcement"];
	    }
	}
	export class OrgSettings {
	    data_retention: string;
	    spend_limit?: SpendLimit;
	    spend_alerts: SpendAlert[];
	    unavailable?: string[];
	
	    static createFrom(source: any = {}) {
	        return new OrgSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.data_retention = source["data_retention"];
	        this.spend_limit = this.convertValues(source["spend_limit"], SpendLimit);
	        this.spend_alerts = this.convertValues(source["spend_alerts"], SpendAlert);
	        this.unavailable = source["unavailable"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RateLimit {
	    model: string;
	    max_requests_per_1_minute: number;
	    max_tokens_per_1_minute: number;
	    max_images_per_1_minute?: number;
	    max_requests_per_1_day?: number;
	
	    static createFrom(source: any = {}) {
	        return new RateLimit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.max_requests_per_1_minute = source["max_requests_per_1_minute"];
	        this.max_tokens_per_1_minute = source["max_tokens_per_1_minute"];
	        this.max_images_per_1_minute = source["max_images_per_1_minute"];
	        this.max_requests_per_1_day = source["max_requests_per_1_day"];
	    }
	}
	export class ProjectSettings {
	    rate_limits: RateLimit[];
	    data_retention: string;
	    model_mode: string;
	    model_ids: string[];
	    hosted_tools: Record<string, boolean>;
	    spend_limit?: SpendLimit;
	    spend_alerts: SpendAlert[];
	    unavailable?: string[];
	
	    static createFrom(source: any = {}) {
	        return new ProjectSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rate_limits = this.convertValues(source["rate_limits"], RateLimit);
	        this.data_retention = source["data_retention"];
	        this.model_mode = source["model_mode"];
	        this.model_ids = source["model_ids"];
	        this.hosted_tools = source["hosted_tools"];
	        this.spend_limit = this.convertValues(source["spend_limit"], SpendLimit);
	        this.spend_alerts = this.convertValues(source["spend_alerts"], SpendAlert);
	        this.unavailable = source["unavailable"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Project {
	    id: string;
	    name: string;
	    status: string;
	    // Go type: time
	    created_at: any;
	    settings: ProjectSettings;
	
	    static createFrom(source: any = {}) {
	        return new Project(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.status = source["status"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.settings = this.convertValues(source["settings"], ProjectSettings);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Revocation {
	    id: number;
	    at: string;
	    project_id: string;
	    project: string;
	    key_id: string;
	    name: string;
	    redacted: string;
	    owner: string;
	    service_account_id: string;
	    local_key_id: number;
	    label: string;
	    status: number;
	    answer: string;
	
	    static createFrom(source: any = {}) {
	        return new Revocation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.project_id = source["project_id"];
	        this.project = source["project"];
	        this.key_id = source["key_id"];
	        this.name = source["name"];
	        this.redacted = source["redacted"];
	        this.owner = source["owner"];
	        this.service_account_id = source["service_account_id"];
	        this.local_key_id = source["local_key_id"];
	        this.label = source["label"];
	        this.status = source["status"];
	        this.answer = source["answer"];
	    }
	}
	export class RevokeOptions {
	    dry_run: boolean;
	    confirm_service_account: string;
	
	    static createFrom(source: any = {}) {
	        return new RevokeOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dry_run = source["dry_run"];
	        this.confirm_service_account = source["confirm_service_account"];
	    }
	}
	export class RevokePlan {
	    project_id: string;
	    project: string;
	    key_id: string;
	    key_name: string;
	    redacted: string;
	    owner: string;
	    label: string;
	    local_key_id: number;
	    service_account_id: string;
	    service_account_name: string;
	    method: string;
	    path: string;
	    in_snapshot: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RevokePlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.project_id = source["project_id"];
	        this.project = source["project"];
	        this.key_id = source["key_id"];
	        this.key_name = source["key_name"];
	        this.redacted = source["redacted"];
	        this.owner = source["owner"];
	        this.label = source["label"];
	        this.local_key_id = source["local_key_id"];
	        this.service_account_id = source["service_account_id"];
	        this.service_account_name = source["service_account_name"];
	        this.method = source["method"];
	        this.path = source["path"];
	        this.in_snapshot = source["in_snapshot"];
	    }
	}
	export class RevokeResult {
	    plan: RevokePlan;
	    dry_run: boolean;
	    revocation?: Revocation;
	
	    static createFrom(source: any = {}) {
	        return new RevokeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.plan = this.convertValues(source["plan"], RevokePlan);
	        this.dry_run = source["dry_run"];
	        this.revocation = this.convertValues(source["revocation"], Revocation);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RevokeTarget {
	    label: string;
	    project_id: string;
	    key_id: string;
	
	    static createFrom(source: any = {}) {
	        return new RevokeTarget(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.project_id = source["project_id"];
	        this.key_id = source["key_id"];
	    }
	}
	export class ServiceAccount {
	    project_id: string;
	    id: string;
	    name: string;
	    role: string;
	    // Go type: time
	    created_at: any;
	
	    static createFrom(source: any = {}) {
	        return new ServiceAccount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.project_id = source["project_id"];
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.created_at = this.convertValues(source["created_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class User {
	    id: string;
	    name: string;
	    email: string;
	    role: string;
	    // Go type: time
	    added_at: any;
	
	    static createFrom(source: any = {}) {
	        return new User(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.added_at = this.convertValues(source["added_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Snapshot {
	    // Go type: time
	    synced_at: any;
	    projects: Project[];
	    keys: OrgKey[];
	    service_accounts: ServiceAccount[];
	    users: User[];
	    invites: Invite[];
	    admin_keys: AdminKey[];
	    settings: OrgSettings;
	
	    static createFrom(source: any = {}) {
	        return new Snapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.synced_at = this.convertValues(source["synced_at"], null);
	        this.projects = this.convertValues(source["projects"], Project);
	        this.keys = this.convertValues(source["keys"], OrgKey);
	        this.service_accounts = this.convertValues(source["service_accounts"], ServiceAccount);
	        this.users = this.convertValues(source["users"], User);
	        this.invites = this.convertValues(source["invites"], Invite);
	        this.admin_keys = this.convertValues(source["admin_keys"], AdminKey);
	        this.settings = this.convertValues(source["settings"], OrgSettings);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class SyncResult {
	    // Go type: time
	    synced_at: any;
	    projects: number;
	    keys: number;
	    service_accounts: number;
	    users: number;
	    invites: number;
	    admin_keys: number;
	    registered: number;
	    unregistered: number;
	    ambiguous: number;
	    calls: number;
	    audit?: AuditImport;
	
	    static createFrom(source: any = {}) {
	        return new SyncResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.synced_at = this.convertValues(source["synced_at"], null);
	        this.projects = source["projects"];
	        this.keys = source["keys"];
	        this.service_accounts = source["service_accounts"];
	        this.users = source["users"];
	        this.invites = source["invites"];
	        this.admin_keys = source["admin_keys"];
	        this.registered = source["registered"];
	        this.unregistered = source["unregistered"];
	        this.ambiguous = source["ambiguous"];
	        this.calls = source["calls"];
	        this.audit = this.convertValues(source["audit"], AuditImport);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace pii {
	
	export class Match {
	    type: string;
	    start: number;
	    end: number;
	    rune_start: number;
	    rune_end: number;
	    text?: string;
	    redacted?: string;
	    fingerprint?: string;
	
	    static createFrom(source: any = {}) {
	        return new Match(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.rune_start = source["rune_start"];
	        this.rune_end = source["rune_end"];
	        this.text = source["text"];
	        this.redacted = source["redacted"];
	        this.fingerprint = source["fingerprint"];
	    }
	}

}

export namespace privacy {
	
	export enum Art9Condition {
	    ARCHIVING_RESEARCH_STATISTICS = "archiving_research_statistics",
	    EMPLOYMENT_SOCIAL_SECURITY = "employment_social_security",
	    EXPLICIT_CONSENT = "explicit_consent",
	    HEALTH_OR_SOCIAL_CARE = "health_or_social_care",
	    LEGAL_CLAIMS = "legal_claims",
	    MADE_PUBLIC_BY_DATA_SUBJECT = "made_public_by_data_subject",
	    NOT_FOR_PROFIT_BODY = "not_for_profit_body",
	    PUBLIC_HEALTH = "public_health",
	    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest",
	    VITAL_INTERESTS = "vital_interests",
	}
	export enum CCPACategory {
	    BIOMETRIC_INFORMATION = "biometric_information",
	    COMMERCIAL_INFORMATION = "commercial_information",
	    CUSTOMER_RECORDS = "customer_records",
	    EDUCATION_INFORMATION = "education_information",
	    GEOLOCATION = "geolocation",
	    IDENTIFIERS = "identifiers",
	    INFERENCES = "inferences",
	    INTERNET_ACTIVITY = "internet_activity",
	    PROFESSIONAL_INFORMATION = "professional_information",
	    PROTECTED_CLASSIFICATIONS = "protected_classifications",
	    SENSITIVE_PERSONAL_INFORMATION = "sensitive_personal_information",
	    SENSORY_DATA = "sensory_data",
	}
	export enum LegalBasis {
	    CONSENT = "consent",
	    CONTRACT = "contract",
	    LEGAL_OBLIGATION = "legal_obligation",
	    LEGITIMATE_INTERESTS = "legitimate_interests",
	    PUBLIC_TASK = "public_task",
	    VITAL_INTERESTS = "vital_interests",
	}
	export enum RecipientRole {
	    CONTROLLER = "controller",
	    PROCESSOR = "processor",
	}
	export enum Region {
	    CALIFORNIA = "california",
	    CHINA = "china",
	    ELSEWHERE = "elsewhere",
	    EU = "eu",
	    UK = "uk",
	}
	export enum Right {
	    ACCESS = "access",
	    COMPLAINT = "complaint",
	    CORRECTION = "correction",
	    DELETION = "deletion",
	    OBJECTION = "objection",
	    PORTABILITY = "portability",
	    RESTRICTION = "restriction",
	    WITHDRAW_CONSENT = "withdraw_consent",
	}
	export enum Safeguard {
	    ADEQUACY = "adequacy",
	    BCR = "bcr",
	    DEROGATION = "derogation",
	    DPF = "dpf",
	    PIPL_CERTIFICATION = "pipl_certification",
	    PIPL_SECURITY_ASSESSMENT = "pipl_security_assessment",
	    PIPL_STANDARD_CONTRACT = "pipl_standard_contract",
	    SCC = "scc",
	    UK_ADDENDUM = "uk_addendum",
	    UK_EXTENSION = "uk_extension",
	    UK_IDTA = "uk_idta",
	}
	export enum ScreeningAction {
	    BLOCK = "block",
	    REDACT = "redact",
	    WARN = "warn",
	}
	export class Text {
	    en: string;
	    "zh-CN": string;
	
	    static createFrom(source: any = {}) {
	        return new Text(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.en = source["en"];
	        this["zh-CN"] = source["zh-CN"];
	    }
	}
	export class AIUse {
	    features: Text;
	    prompts_contain_personal_data?: boolean;
	    models: string[];
	    disclosure: Text;
	    provider_trains_on_data?: boolean;
	    provider_retention: Text;
	    prompt_logging?: boolean;
	    prompt_log_days: number;
	    pii_screening?: boolean;
	    pii_screening_action: ScreeningAction;
	
	    static createFrom(source: any = {}) {
	        return new AIUse(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.features = this.convertValues(source["features"], Text);
	        this.prompts_contain_personal_data = source["prompts_contain_personal_data"];
	        this.models = source["models"];
	        this.disclosure = this.convertValues(source["disclosure"], Text);
	        this.provider_trains_on_data = source["provider_trains_on_data"];
	        this.provider_retention = this.convertValues(source["provider_retention"], Text);
	        this.prompt_logging = source["prompt_logging"];
	        this.prompt_log_days = source["prompt_log_days"];
	        this.pii_screening = source["pii_screening"];
	        this.pii_screening_action = source["pii_screening_action"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PolicyChanges {
	    how_notified: Text;
	    effective_date: string;
	    last_updated: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyChanges(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.how_notified = this.convertValues(source["how_notified"], Text);
	        this.effective_date = source["effective_date"];
	        this.last_updated = source["last_updated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SDK {
	    name: string;
	    provider: string;
	    purpose: Text;
	    categories: string[];
	
	    static createFrom(source: any = {}) {
	        return new SDK(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.provider = source["provider"];
	        this.purpose = this.convertValues(source["purpose"], Text);
	        this.categories = source["categories"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SDKs {
	    used?: boolean;
	    list: SDK[];
	
	    static createFrom(source: any = {}) {
	        return new SDKs(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.used = source["used"];
	        this.list = this.convertValues(source["list"], SDK);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PIPLOfficer {
	    required?: boolean;
	    name: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new PIPLOfficer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.required = source["required"];
	        this.name = source["name"];
	        this.email = source["email"];
	    }
	}
	export class China {
	    protection_officer: PIPLOfficer;
	    third_party_sdks: SDKs;
	    retention_end: Text;
	    account_deletion: Text;
	
	    static createFrom(source: any = {}) {
	        return new China(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.protection_officer = this.convertValues(source["protection_officer"], PIPLOfficer);
	        this.third_party_sdks = this.convertValues(source["third_party_sdks"], SDKs);
	        this.retention_end = this.convertValues(source["retention_end"], Text);
	        this.account_deletion = this.convertValues(source["account_deletion"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class California {
	    sells_or_shares?: boolean;
	    opt_out_link: string;
	    sensitive_beyond_service?: boolean;
	    limit_link: string;
	    sale_recipients: Text;
	    sale_purposes: Text;
	    verification: Text;
	    authorised_agent: Text;
	    opt_out_signals: Text;
	    online_only?: boolean;
	    toll_free_number: string;
	    collects_login_credentials?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new California(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sells_or_shares = source["sells_or_shares"];
	        this.opt_out_link = source["opt_out_link"];
	        this.sensitive_beyond_service = source["sensitive_beyond_service"];
	        this.limit_link = source["limit_link"];
	        this.sale_recipients = this.convertValues(source["sale_recipients"], Text);
	        this.sale_purposes = this.convertValues(source["sale_purposes"], Text);
	        this.verification = this.convertValues(source["verification"], Text);
	        this.authorised_agent = this.convertValues(source["authorised_agent"], Text);
	        this.opt_out_signals = this.convertValues(source["opt_out_signals"], Text);
	        this.online_only = source["online_only"];
	        this.toll_free_number = source["toll_free_number"];
	        this.collects_login_credentials = source["collects_login_credentials"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Cookies {
	    used?: boolean;
	    analytics: Text[];
	    details: Text;
	
	    static createFrom(source: any = {}) {
	        return new Cookies(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.used = source["used"];
	        this.analytics = this.convertValues(source["analytics"], Text);
	        this.details = this.convertValues(source["details"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Children {
	    minimum_age: number;
	    parental_consent?: boolean;
	    details: Text;
	    special_rules: Text;
	
	    static createFrom(source: any = {}) {
	        return new Children(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.minimum_age = source["minimum_age"];
	        this.parental_consent = source["parental_consent"];
	        this.details = this.convertValues(source["details"], Text);
	        this.special_rules = this.convertValues(source["special_rules"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AutomatedDecisions {
	    used?: boolean;
	    logic: Text;
	    significance: Text;
	    refuse_how: Text;
	
	    static createFrom(source: any = {}) {
	        return new AutomatedDecisions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.used = source["used"];
	        this.logic = this.convertValues(source["logic"], Text);
	        this.significance = this.convertValues(source["significance"], Text);
	        this.refuse_how = this.convertValues(source["refuse_how"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RightsAnswers {
	    offered: string[];
	    how: Text;
	    contact: string;
	    response_days: number;
	    authority: Text;
	
	    static createFrom(source: any = {}) {
	        return new RightsAnswers(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.offered = source["offered"];
	        this.how = this.convertValues(source["how"], Text);
	        this.contact = source["contact"];
	        this.response_days = source["response_days"];
	        this.authority = this.convertValues(source["authority"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Transfer {
	    recipient: string;
	    country: Text;
	    from: string[];
	    contact: string;
	    purpose: Text;
	    method: Text;
	    categories: string[];
	    safeguards: string[];
	    rights_how: Text;
	    adequacy_decision?: boolean;
	    derogation: Text;
	
	    static createFrom(source: any = {}) {
	        return new Transfer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.recipient = source["recipient"];
	        this.country = this.convertValues(source["country"], Text);
	        this.from = source["from"];
	        this.contact = source["contact"];
	        this.purpose = this.convertValues(source["purpose"], Text);
	        this.method = this.convertValues(source["method"], Text);
	        this.categories = source["categories"];
	        this.safeguards = source["safeguards"];
	        this.rights_how = this.convertValues(source["rights_how"], Text);
	        this.adequacy_decision = source["adequacy_decision"];
	        this.derogation = this.convertValues(source["derogation"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Transfers {
	    abroad?: boolean;
	    transfers: Transfer[];
	    copy_how: Text;
	
	    static createFrom(source: any = {}) {
	        return new Transfers(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.abroad = source["abroad"];
	        this.transfers = this.convertValues(source["transfers"], Transfer);
	        this.copy_how = this.convertValues(source["copy_how"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Recipient {
	    name: string;
	    role: RecipientRole;
	    purpose: Text;
	    location: Text;
	    contact: string;
	    receives_prompts: boolean;
	    prompts_from: string[];
	    categories: string[];
	    method: Text;
	    separate_consent?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Recipient(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.role = source["role"];
	        this.purpose = this.convertValues(source["purpose"], Text);
	        this.location = this.convertValues(source["location"], Text);
	        this.contact = source["contact"];
	        this.receives_prompts = source["receives_prompts"];
	        this.prompts_from = source["prompts_from"];
	        this.categories = source["categories"];
	        this.method = this.convertValues(source["method"], Text);
	        this.separate_consent = source["separate_consent"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Purpose {
	    purpose: Text;
	    categories: string[];
	    legal_basis: LegalBasis;
	    legitimate_interest: Text;
	    method: Text;
	
	    static createFrom(source: any = {}) {
	        return new Purpose(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.purpose = this.convertValues(source["purpose"], Text);
	        this.categories = source["categories"];
	        this.legal_basis = source["legal_basis"];
	        this.legitimate_interest = this.convertValues(source["legitimate_interest"], Text);
	        this.method = this.convertValues(source["method"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DataCategory {
	    id: string;
	    name: Text;
	    examples: Text;
	    source: Text;
	    retention: Text;
	    sensitive: boolean;
	    sold: boolean;
	    shared: boolean;
	    login_credentials: boolean;
	    ccpa_category: CCPACategory;
	    special_category_condition: Art9Condition;
	    sensitive_necessity: Text;
	
	    static createFrom(source: any = {}) {
	        return new DataCategory(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.examples = this.convertValues(source["examples"], Text);
	        this.source = this.convertValues(source["source"], Text);
	        this.retention = this.convertValues(source["retention"], Text);
	        this.sensitive = source["sensitive"];
	        this.sold = source["sold"];
	        this.shared = source["shared"];
	        this.login_credentials = source["login_credentials"];
	        this.ccpa_category = source["ccpa_category"];
	        this.special_category_condition = source["special_category_condition"];
	        this.sensitive_necessity = this.convertValues(source["sensitive_necessity"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Users {
	    regions: string[];
	
	    static createFrom(source: any = {}) {
	        return new Users(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.regions = source["regions"];
	    }
	}
	export class Contact {
	    name: string;
	    address: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new Contact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.address = source["address"];
	        this.email = source["email"];
	    }
	}
	export class DPO {
	    appointed?: boolean;
	    name: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new DPO(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.appointed = source["appointed"];
	        this.name = source["name"];
	        this.email = source["email"];
	    }
	}
	export class Organisation {
	    name: string;
	    address: string;
	    email: string;
	    phone: string;
	    website: string;
	    established_in: string[];
	
	    static createFrom(source: any = {}) {
	        return new Organisation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.address = source["address"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.website = source["website"];
	        this.established_in = source["established_in"];
	    }
	}
	export class Answers {
	    organisation: Organisation;
	    data_protection_officer: DPO;
	    eu_representative: Contact;
	    uk_representative: Contact;
	    china_representative: Contact;
	    products: Text[];
	    users: Users;
	    data_categories: DataCategory[];
	    purposes: Purpose[];
	    provision_requirement: Text;
	    ai: AIUse;
	    recipients: Recipient[];
	    international_transfers: Transfers;
	    rights: RightsAnswers;
	    automated_decisions: AutomatedDecisions;
	    children: Children;
	    cookies: Cookies;
	    security_measures: Text[];
	    california: California;
	    china: China;
	    policy_changes: PolicyChanges;
	
	    static createFrom(source: any = {}) {
	        return new Answers(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.organisation = this.convertValues(source["organisation"], Organisation);
	        this.data_protection_officer = this.convertValues(source["data_protection_officer"], DPO);
	        this.eu_representative = this.convertValues(source["eu_representative"], Contact);
	        this.uk_representative = this.convertValues(source["uk_representative"], Contact);
	        this.china_representative = this.convertValues(source["china_representative"], Contact);
	        this.products = this.convertValues(source["products"], Text);
	        this.users = this.convertValues(source["users"], Users);
	        this.data_categories = this.convertValues(source["data_categories"], DataCategory);
	        this.purposes = this.convertValues(source["purposes"], Purpose);
	        this.provision_requirement = this.convertValues(source["provision_requirement"], Text);
	        this.ai = this.convertValues(source["ai"], AIUse);
	        this.recipients = this.convertValues(source["recipients"], Recipient);
	        this.international_transfers = this.convertValues(source["international_transfers"], Transfers);
	        this.rights = this.convertValues(source["rights"], RightsAnswers);
	        this.automated_decisions = this.convertValues(source["automated_decisions"], AutomatedDecisions);
	        this.children = this.convertValues(source["children"], Children);
	        this.cookies = this.convertValues(source["cookies"], Cookies);
	        this.security_measures = this.convertValues(source["security_measures"], Text);
	        this.california = this.convertValues(source["california"], California);
	        this.china = this.convertValues(source["china"], China);
	        this.policy_changes = this.convertValues(source["policy_changes"], PolicyChanges);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class ElementCheck {
	    id: string;
	    title: Text;
	    present: boolean;
	    question: string;
	
	    static createFrom(source: any = {}) {
	        return new ElementCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = this.convertValues(source["title"], Text);
	        this.present = source["present"];
	        this.question = source["question"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RegimeCheck {
	    name: string;
	    elements: ElementCheck[];
	
	    static createFrom(source: any = {}) {
	        return new RegimeCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.elements = this.convertValues(source["elements"], ElementCheck);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CheckResult {
	    regimes: RegimeCheck[];
	    missing: number;
	
	    static createFrom(source: any = {}) {
	        return new CheckResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.regimes = this.convertValues(source["regimes"], RegimeCheck);
	        this.missing = source["missing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	
	export class DiffLine {
	    op: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new DiffLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.text = source["text"];
	    }
	}
	export class DraftSummary {
	    id: number;
	    created_at: string;
	    lang: string;
	    missing: number;
	
	    static createFrom(source: any = {}) {
	        return new DraftSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.created_at = source["created_at"];
	        this.lang = source["lang"];
	        this.missing = source["missing"];
	    }
	}
	
	
	
	
	export class PolishPlan {
	    model: string;
	    system: string;
	    user: string;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new PolishPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.system = source["system"];
	        this.user = source["user"];
	        this.lang = source["lang"];
	    }
	}
	
	export class Question {
	    key: string;
	    text: Text;
	
	    static createFrom(source: any = {}) {
	        return new Question(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.text = this.convertValues(source["text"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Regime {
	    name: string;
	    title: Text;
	
	    static createFrom(source: any = {}) {
	        return new Regime(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.title = this.convertValues(source["title"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class SavedDraft {
	    id: number;
	    created_at: string;
	    lang: string;
	    answers: Answers;
	    markdown: string;
	    check: CheckResult;
	
	    static createFrom(source: any = {}) {
	        return new SavedDraft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.created_at = source["created_at"];
	        this.lang = source["lang"];
	        this.answers = this.convertValues(source["answers"], Answers);
	        this.markdown = source["markdown"];
	        this.check = this.convertValues(source["check"], CheckResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Suggestion {
	    field: string;
	    value: any;
	    source: Text;
	
	    static createFrom(source: any = {}) {
	        return new Suggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.value = source["value"];
	        this.source = this.convertValues(source["source"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	

}

export namespace settings {
	
	export class Settings {
	    language: string;
	    effective_language: string;
	    system_language: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	        this.effective_language = source["effective_language"];
	        this.system_language = source["system_language"];
	    }
	}

}

export namespace usage {
	
	export class Localized {
	    en: string;
	    "zh-CN": string;
	
	    static createFrom(source: any = {}) {
	        return new Localized(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.en = source["en"];
	        this["zh-CN"] = source["zh-CN"];
	    }
	}
	export class Alert {
	    kind: string;
	    severity: string;
	    title: Localized;
	    detail: Localized;
	    // Go type: time
	    since: any;
	    value: number;
	    threshold: number;
	
	    static createFrom(source: any = {}) {
	        return new Alert(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.severity = source["severity"];
	        this.title = this.convertValues(source["title"], Localized);
	        this.detail = this.convertValues(source["detail"], Localized);
	        this.since = this.convertValues(source["since"], null);
	        this.value = source["value"];
	        this.threshold = source["threshold"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AlertRules {
	    spike_factor: number;
	    spike_min_requests: number;
	    burst_429_count: number;
	    burst_429_minutes: number;
	    budget_warn_percent: number;
	
	    static createFrom(source: any = {}) {
	        return new AlertRules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.spike_factor = source["spike_factor"];
	        this.spike_min_requests = source["spike_min_requests"];
	        this.burst_429_count = source["burst_429_count"];
	        this.burst_429_minutes = source["burst_429_minutes"];
	        this.budget_warn_percent = source["budget_warn_percent"];
	    }
	}
	export class Body {
	    event_id: number;
	    // Go type: time
	    time: any;
	    member: string;
	    endpoint: string;
	    model: string;
	    request: string;
	    response: string;
	    redacted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Body(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.event_id = source["event_id"];
	        this.time = this.convertValues(source["time"], null);
	        this.member = source["member"];
	        this.endpoint = source["endpoint"];
	        this.model = source["model"];
	        this.request = source["request"];
	        this.response = source["response"];
	        this.redacted = source["redacted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BodyLogging {
	    enabled: boolean;
	    retention_days: number;
	    redact_pii: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BodyLogging(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.retention_days = source["retention_days"];
	        this.redact_pii = source["redact_pii"];
	    }
	}
	export class KeyMapping {
	    api_key_id: string;
	    label: string;
	    key_fingerprint: string;
	    updated_at: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyMapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.api_key_id = source["api_key_id"];
	        this.label = source["label"];
	        this.key_fingerprint = source["key_fingerprint"];
	        this.updated_at = source["updated_at"];
	    }
	}
	
	export class Point {
	    // Go type: time
	    start: any;
	    requests: number;
	    input_tokens: number;
	    output_tokens: number;
	    tokens: number;
	    cost_usd: number;
	    errors: number;
	    rate_limited: number;
	
	    static createFrom(source: any = {}) {
	        return new Point(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = this.convertValues(source["start"], null);
	        this.requests = source["requests"];
	        this.input_tokens = source["input_tokens"];
	        this.output_tokens = source["output_tokens"];
	        this.tokens = source["tokens"];
	        this.cost_usd = source["cost_usd"];
	        this.errors = source["errors"];
	        this.rate_limited = source["rate_limited"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Policy {
	    retention_days: number;
	    body_logging: BodyLogging;
	    monthly_budget_usd: number;
	    alerts: AlertRules;
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.retention_days = source["retention_days"];
	        this.body_logging = this.convertValues(source["body_logging"], BodyLogging);
	        this.monthly_budget_usd = source["monthly_budget_usd"];
	        this.alerts = this.convertValues(source["alerts"], AlertRules);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Price {
	    model: string;
	    input_per_million: number;
	    cached_input_per_million: number;
	    output_per_million: number;
	    custom: boolean;
	    as_of: string;
	
	    static createFrom(source: any = {}) {
	        return new Price(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.model = source["model"];
	        this.input_per_million = source["input_per_million"];
	        this.cached_input_per_million = source["cached_input_per_million"];
	        this.output_per_million = source["output_per_million"];
	        this.custom = source["custom"];
	        this.as_of = source["as_of"];
	    }
	}
	export class PriceList {
	    defaults_as_of: string;
	    source: string;
	    prices: Price[];
	
	    static createFrom(source: any = {}) {
	        return new PriceList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.defaults_as_of = source["defaults_as_of"];
	        this.source = source["source"];
	        this.prices = this.convertValues(source["prices"], Price);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReconcileRow {
	    day: string;
	    api_key_id: string;
	    mapped: boolean;
	    key_label: string;
	    key_fingerprint: string;
	    model: string;
	    api_requests: number;
	    api_input_tokens: number;
	    api_output_tokens: number;
	    local_requests: number;
	    local_input_tokens: number;
	    local_output_tokens: number;
	    unseen_requests: number;
	    unseen_input_tokens: number;
	    unseen_output_tokens: number;
	
	    static createFrom(source: any = {}) {
	        return new ReconcileRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.day = source["day"];
	        this.api_key_id = source["api_key_id"];
	        this.mapped = source["mapped"];
	        this.key_label = source["key_label"];
	        this.key_fingerprint = source["key_fingerprint"];
	        this.model = source["model"];
	        this.api_requests = source["api_requests"];
	        this.api_input_tokens = source["api_input_tokens"];
	        this.api_output_tokens = source["api_output_tokens"];
	        this.local_requests = source["local_requests"];
	        this.local_input_tokens = source["local_input_tokens"];
	        this.local_output_tokens = source["local_output_tokens"];
	        this.unseen_requests = source["unseen_requests"];
	        this.unseen_input_tokens = source["unseen_input_tokens"];
	        this.unseen_output_tokens = source["unseen_output_tokens"];
	    }
	}
	export class Reconciliation {
	    // Go type: time
	    since: any;
	    // Go type: time
	    until: any;
	    rows: ReconcileRow[];
	    unmapped: string[];
	    unseen_requests: number;
	    unseen_input_tokens: number;
	    unseen_output_tokens: number;
	
	    static createFrom(source: any = {}) {
	        return new Reconciliation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.since = this.convertValues(source["since"], null);
	        this.until = this.convertValues(source["until"], null);
	        this.rows = this.convertValues(source["rows"], ReconcileRow);
	        this.unmapped = source["unmapped"];
	        this.unseen_requests = source["unseen_requests"];
	        this.unseen_input_tokens = source["unseen_input_tokens"];
	        this.unseen_output_tokens = source["unseen_output_tokens"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Totals {
	    requests: number;
	    input_tokens: number;
	    output_tokens: number;
	    errors: number;
	    cost_usd: number;
	    cached_tokens: number;
	    reasoning_tokens: number;
	    rate_limited: number;
	    requests_without_usage: number;
	
	    static createFrom(source: any = {}) {
	        return new Totals(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requests = source["requests"];
	        this.input_tokens = source["input_tokens"];
	        this.output_tokens = source["output_tokens"];
	        this.errors = source["errors"];
	        this.cost_usd = source["cost_usd"];
	        this.cached_tokens = source["cached_tokens"];
	        this.reasoning_tokens = source["reasoning_tokens"];
	        this.rate_limited = source["rate_limited"];
	        this.requests_without_usage = source["requests_without_usage"];
	    }
	}
	export class ReportRow {
	    group: string;
	    label?: string;
	    requests: number;
	    input_tokens: number;
	    output_tokens: number;
	    errors: number;
	    cost_usd: number;
	    cached_tokens: number;
	    reasoning_tokens: number;
	    rate_limited: number;
	    requests_without_usage: number;
	
	    static createFrom(source: any = {}) {
	        return new ReportRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.group = source["group"];
	        this.label = source["label"];
	        this.requests = source["requests"];
	        this.input_tokens = source["input_tokens"];
	        this.output_tokens = source["output_tokens"];
	        this.errors = source["errors"];
	        this.cost_usd = source["cost_usd"];
	        this.cached_tokens = source["cached_tokens"];
	        this.reasoning_tokens = source["reasoning_tokens"];
	        this.rate_limited = source["rate_limited"];
	        this.requests_without_usage = source["requests_without_usage"];
	    }
	}
	export class Report {
	    rows: ReportRow[];
	    totals: Totals;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], ReportRow);
	        this.totals = this.convertValues(source["totals"], Totals);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Series {
	    bucket: string;
	    points: Point[];
	
	    static createFrom(source: any = {}) {
	        return new Series(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.bucket = source["bucket"];
	        this.points = this.convertValues(source["points"], Point);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Stats {
	    queued: number;
	    written: number;
	    dropped: number;
	    failures: number;
	    last_error: string;
	    last_error_zh: string;
	    disk_full: boolean;
	    capacity: number;
	
	    static createFrom(source: any = {}) {
	        return new Stats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.queued = source["queued"];
	        this.written = source["written"];
	        this.dropped = source["dropped"];
	        this.failures = source["failures"];
	        this.last_error = source["last_error"];
	        this.last_error_zh = source["last_error_zh"];
	        this.disk_full = source["disk_full"];
	        this.capacity = source["capacity"];
	    }
	}

}

