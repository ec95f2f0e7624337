package checklist

import "slices"

// Status is an item's status; the UI's enum of it is built from Statuses.
type Status string

// EvidenceKind is a kind of evidence the app itself can supply for an item.
type EvidenceKind string

// EvidenceRefKind says what an attached evidence's reference points to.
type EvidenceRefKind string

// EvidenceKinds lists the evidence kinds the app itself can supply.
func EvidenceKinds() []string { return slices.Clone(evidenceKinds) }

// EvidenceRefKinds lists what attached evidence can point to.
func EvidenceRefKinds() []string {
	return []string{EvidenceFile, EvidenceURL, EvidenceRecord, EvidenceCheck}
}
