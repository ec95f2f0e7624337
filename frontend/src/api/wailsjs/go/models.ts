export namespace checklist {
	
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
	    doc: string;
	    section?: string;
	    effective?: string;
	    url?: string;
	
	    static createFrom(source: any = {}) {
	        return new Source(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.doc = source["doc"];
	        this.section = source["section"];
	        this.effective = source["effective"];
	        this.url = source["url"];
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

export namespace keys {
	
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

export namespace main {
	
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
	export class AppInfo {
	    version: string;
	    data_dir: string;
	    database_path: string;
	    log_path: string;
	    catalogue_version: string;
	    catalogue_date: string;
	    startup_error?: ErrorInfo;
	
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
	        this.startup_error = this.convertValues(source["startup_error"], ErrorInfo);
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

