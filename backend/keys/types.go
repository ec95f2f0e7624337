package keys

// Key statuses. Active and rotation-due keys are "current": in use, held in
// the vault, and at most one per label.
const (
	StatusActive      = "active"
	StatusRotationDue = "rotation_due" // marked for rotation, still in use
	StatusRetired     = "retired"      // replaced by its successor; secret deleted
	StatusRevoked     = "revoked"      // withdrawn; secret deleted
)

// Statuses lists every key status.
var Statuses = []string{StatusActive, StatusRotationDue, StatusRetired, StatusRevoked}

// Environments a key is used in.
const (
	EnvDev     = "dev"
	EnvStaging = "staging"
	EnvProd    = "prod"
)

// Environments lists every environment, in the order the UI offers them.
var Environments = []string{EnvDev, EnvStaging, EnvProd}

// Decisions for a removed member's current keys.
const (
	DecisionRevoke   = "revoke"   // delete the secret from the vault, mark the key revoked
	DecisionReassign = "reassign" // hand the key to another member
)

// Key events, as recorded in the key event log.
const (
	EventAdded        = "added"
	EventEdited       = "edited"
	EventVerified     = "verified"
	EventMarked       = "marked_for_rotation"
	EventUnmarked     = "unmarked_for_rotation"
	EventRotated      = "rotated"
	EventRevoked      = "revoked"
	EventReassigned   = "reassigned"
	EventMemberAdded  = "member_added"
	EventMemberEdited = "member_edited"
	EventRemoved      = "member_removed"
	EventPlaceAdded   = "place_added"
	EventPlaceTicked  = "place_ticked"
)

// Member is a person on the team who may hold keys.
type Member struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	Email      string `json:"email"`
	Role       string `json:"role"`
	CreatedAt  string `json:"created_at"`
	ActiveKeys int    `json:"active_keys"` // current keys held
}

// MemberInput is what a user supplies to add or edit a member.
type MemberInput struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Role  string `json:"role"`
}

// Decision says what happens to a removed member's current keys.
type Decision struct {
	Action string `json:"action"` // DecisionRevoke or DecisionReassign
	To     string `json:"to"`     // the member who takes the keys, for reassign
}

// Key is one key record: everything about a key except the key itself.
type Key struct {
	ID           int64  `json:"id"` // also the vault account of its secret
	Label        string `json:"label"`
	MemberID     int64  `json:"member_id"`
	Member       string `json:"member"`
	Environment  string `json:"environment"`
	Kind         string `json:"kind"`        // secret.Kind: project, service_account, admin, legacy_user
	Fingerprint  string `json:"fingerprint"` // hex SHA-256 of the key
	Redacted     string `json:"redacted"`    // "sk-proj-…abcd"
	Status       string `json:"status"`
	Notes        string `json:"notes"`
	CreatedAt    string `json:"created_at"`
	MarkedAt     string `json:"marked_at"`  // marked for rotation
	RotatedAt    string `json:"rotated_at"` // retired in favour of its successor
	RevokedAt    string `json:"revoked_at"`
	Replaces     int64  `json:"replaces"`    // predecessor's id, 0 if none
	ReplacedBy   int64  `json:"replaced_by"` // successor's id, 0 if none
	VerifiedAt   string `json:"verified_at"`
	VerifyResult string `json:"verify_result"` // "" until verified
	VerifyDetail string `json:"verify_detail"`
	RotateBy     string `json:"rotate_by"` // date the rotation policy falls due, current keys only
}

// Current reports whether the key is in use (active or marked for rotation).
func (k Key) Current() bool { return k.Status == StatusActive || k.Status == StatusRotationDue }

// KeyInput is the metadata a user supplies with a new key; the key itself is
// passed separately so it never travels inside a struct that might be logged.
type KeyInput struct {
	Label       string `json:"label"`
	Member      string `json:"member"`
	Environment string `json:"environment"`
	Notes       string `json:"notes"`
}

// KeyEdit changes a current key's metadata; nil fields stay as they are.
type KeyEdit struct {
	Label       *string `json:"label,omitempty"`
	Environment *string `json:"environment,omitempty"`
	Notes       *string `json:"notes,omitempty"`
}

// Event is one entry of the key event log.
type Event struct {
	ID     int64  `json:"id"`
	At     string `json:"at"`
	Event  string `json:"event"`
	KeyID  int64  `json:"key_id"` // 0 for member events
	Label  string `json:"label"`
	Member string `json:"member"`
	Detail string `json:"detail"`
}

// Place is somewhere a key must be updated when it is rotated.
type Place struct {
	ID      int64  `json:"id"`
	KeyID   int64  `json:"key_id"`
	Place   string `json:"place"`
	AddedAt string `json:"added_at"`
	DoneAt  string `json:"done_at"` // "" until ticked off
}

// Policy is the rotation period for one environment.
type Policy struct {
	Environment  string `json:"environment"`
	RotationDays int    `json:"rotation_days"`
	Default      bool   `json:"default"` // true when no one has set it
}

// Text is a message in English and Simplified Chinese.
type Text struct {
	En string `json:"en"`
	Zh string `json:"zh-CN"`
}

// In returns the text in lang ("en" or "zh-CN"), English by default.
func (t Text) In(lang string) string {
	if lang == "zh-CN" && t.Zh != "" {
		return t.Zh
	}
	return t.En
}
