package org

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"steward/backend/apperr"
)

// RevokeTarget names the key to revoke: a local key's label, or an org
// key's id and project.
type RevokeTarget struct {
	Label     string `json:"label"`
	ProjectID string `json:"project_id"`
	KeyID     string `json:"key_id"`
}

// RevokePlan is exactly what a revocation will do: which key in which
// project, and the call it makes. A service account's key is revoked by
// deleting the service account, which the user must confirm by name.
type RevokePlan struct {
	ProjectID          string `json:"project_id"`
	Project            string `json:"project"`
	KeyID              string `json:"key_id"`
	KeyName            string `json:"key_name"`
	Redacted           string `json:"redacted"`
	Owner              string `json:"owner"`
	Label              string `json:"label"`
	LocalKeyID         int64  `json:"local_key_id"`
	ServiceAccountID   string `json:"service_account_id"`
	ServiceAccountName string `json:"service_account_name"`
	Method             string `json:"method"`
	Path               string `json:"path"`
	InSnapshot         bool   `json:"in_snapshot"` // false: the key is not in the last snapshot
}

// Revocation is a key Steward revoked in OpenAI, with the API's answer.
type Revocation struct {
	ID               int64  `json:"id"`
	At               string `json:"at"`
	ProjectID        string `json:"project_id"`
	Project          string `json:"project"`
	KeyID            string `json:"key_id"`
	Name             string `json:"name"`
	Redacted         string `json:"redacted"`
	Owner            string `json:"owner"`
	ServiceAccountID string `json:"service_account_id"`
	LocalKeyID       int64  `json:"local_key_id"`
	Label            string `json:"label"`
	Status           int    `json:"status"` // HTTP status; 404 means it was already gone
	Answer           string `json:"answer"`
}

// RevokeResult is what Revoke did: the plan, and the revocation unless it
// was a dry run.
type RevokeResult struct {
	Plan       RevokePlan  `json:"plan"`
	DryRun     bool        `json:"dry_run"`
	Revocation *Revocation `json:"revocation"` // nil for a dry run
}

// RevokeOptions confirm or rehearse a revocation.
type RevokeOptions struct {
	DryRun bool `json:"dry_run"`
	// ConfirmServiceAccount must name the service account (id or name)
	// when revoking its key deletes it.
	ConfirmServiceAccount string `json:"confirm_service_account"`
}

// PlanRevoke works out what revoking the target would call.
func (s *Service) PlanRevoke(ctx context.Context, t RevokeTarget) (RevokePlan, error) {
	v, err := s.inventory(ctx)
	if err != nil && !apperr.Is(err, CodeNoSnapshot) {
		return RevokePlan{}, err
	}
	ref := KeyRef{t.ProjectID, t.KeyID}
	plan := RevokePlan{ProjectID: t.ProjectID, KeyID: t.KeyID}
	if t.Label != "" {
		if ref, err = labelRef(v, t.Label); err != nil {
			return RevokePlan{}, err
		}
	} else if t.ProjectID == "" || t.KeyID == "" {
		return RevokePlan{}, apperr.Text(apperr.Invalid, "org.revoke", "Name the key: a label, or a key id and its project.",
			"请指定密钥：标签，或密钥 ID 及其项目。")
	}
	plan.ProjectID, plan.KeyID = ref.ProjectID, ref.KeyID
	if lk, ok := v.m.byOrg[ref]; ok {
		plan.Label, plan.LocalKeyID = lk.Label, lk.ID
	}
	for _, k := range v.snap.Keys {
		if k.ProjectID == ref.ProjectID && k.ID == ref.KeyID {
			plan.InSnapshot, plan.Project, plan.KeyName, plan.Redacted, plan.Owner = true, k.Project, k.Name, k.Redacted, owner(k)
			if k.OwnerType == "service_account" {
				plan.ServiceAccountID, plan.ServiceAccountName = k.OwnerID, k.OwnerName
			}
		}
	}
	base := "/organization/projects/" + url.PathEscape(plan.ProjectID)
	plan.Method, plan.Path = http.MethodDelete, base+"/api_keys/"+url.PathEscape(plan.KeyID)
	if plan.ServiceAccountID != "" {
		plan.Path = base + "/service_accounts/" + url.PathEscape(plan.ServiceAccountID)
	}
	return plan, nil
}

// labelRef finds the org key a local label is linked to.
func labelRef(v inventoryView, label string) (KeyRef, error) {
	for _, lk := range v.local {
		if lk.Current() && strings.EqualFold(lk.Label, label) {
			if ref, ok := v.m.byLocal[lk.ID]; ok {
				return ref, nil
			}
		}
	}
	for _, a := range v.ambiguous {
		if strings.EqualFold(a.Label, label) {
			var names []string
			for _, c := range a.Candidates {
				names = append(names, c.KeyID+" ("+c.ProjectID+")")
			}
			return KeyRef{}, apperr.Text(CodeAmbiguousLabel, "org.revoke",
				fmt.Sprintf("Key %q could be any of %s in the organization. Name one with --key-id and --project.", label, strings.Join(names, ", ")),
				fmt.Sprintf("密钥“%s”可能对应组织中的 %s。请用 --key-id 和 --project 指定其中一个。", label, strings.Join(names, "、")))
		}
	}
	return KeyRef{}, apperr.Text(CodeUnknownKey, "org.revoke",
		fmt.Sprintf("Key %q is not linked to any key in the organization's last snapshot. Run steward org sync, or name the key with --key-id and --project.", label),
		fmt.Sprintf("密钥“%s”未与组织最近快照中的任何密钥关联。请运行 steward org sync，或用 --key-id 和 --project 指定密钥。", label))
}

// Revoke revokes the target in OpenAI: DELETE the project key, or, for a
// service account's key, DELETE the service account once confirmed by
// name. A 404 means the key is already gone and counts as revoked. The
// linked local record becomes revoked with the time and the API's answer,
// and the revocation is kept. With DryRun nothing is called.
func (s *Service) Revoke(ctx context.Context, t RevokeTarget, o RevokeOptions) (RevokeResult, error) {
	plan, err := s.PlanRevoke(ctx, t)
	if err != nil || o.DryRun {
		return RevokeResult{Plan: plan, DryRun: o.DryRun}, err
	}
	rev, err := s.revoke(ctx, plan, o)
	if err != nil {
		res := RevokeResult{Plan: plan}
		if rev.Status != 0 { // revoked in OpenAI; recording it afterwards failed
			res.Revocation = &rev
		}
		return res, err
	}
	return RevokeResult{Plan: plan, Revocation: &rev}, nil
}

// revoke carries out a plan.
func (s *Service) revoke(ctx context.Context, plan RevokePlan, o RevokeOptions) (Revocation, error) {
	if plan.ServiceAccountID != "" && o.ConfirmServiceAccount != plan.ServiceAccountID && o.ConfirmServiceAccount != plan.ServiceAccountName {
		return Revocation{}, apperr.Text(CodeConfirmSA, "org.revoke",
			fmt.Sprintf("Key %s belongs to service account %q (%s); revoking it deletes the service account and all its keys. Confirm by naming the service account.", plan.KeyID, plan.ServiceAccountName, plan.ServiceAccountID),
			fmt.Sprintf("密钥 %s 属于服务账号“%s”（%s）；吊销它将删除该服务账号及其全部密钥。请输入服务账号名称以确认。", plan.KeyID, plan.ServiceAccountName, plan.ServiceAccountID))
	}
	cl, _, err := s.connected(ctx)
	if err != nil {
		return Revocation{}, err
	}
	var answer map[string]any
	info, err := cl.Admin(ctx, plan.Method, plan.Path, nil, &answer)
	rev := Revocation{At: s.stamp(), ProjectID: plan.ProjectID, Project: plan.Project, KeyID: plan.KeyID, Name: plan.KeyName,
		Redacted: plan.Redacted, Owner: plan.Owner, ServiceAccountID: plan.ServiceAccountID, LocalKeyID: plan.LocalKeyID,
		Label: plan.Label, Status: info.Status}
	switch {
	case err == nil:
		b, _ := json.Marshal(answer)
		rev.Answer = string(b)
	case apiStatus(err) == http.StatusNotFound:
		_, msg := apiCode(err)
		rev.Status, rev.Answer = http.StatusNotFound, "404: already deleted ("+msg+")"
	default:
		return Revocation{}, rejectedError("org.revoke", err)
	}
	if err := s.recordRevocation(ctx, &rev); err != nil {
		return rev, err
	}
	if rev.LocalKeyID != 0 {
		at, _ := parseStamp(rev.At)
		if _, err := s.reg.RevokedInOpenAI(ctx, rev.LocalKeyID, at, fmt.Sprintf("%s %s → %s", plan.Method, plan.Path, rev.Answer)); err != nil {
			return rev, fmt.Errorf("revoked in OpenAI, but the key record was not updated: %w", err)
		}
	}
	s.opts.Log.Info("key revoked in OpenAI", "project", rev.ProjectID, "key", rev.KeyID, "status", rev.Status)
	return rev, nil
}

// recordRevocation keeps the revocation and takes the key (and a deleted
// service account with its keys) out of the snapshot.
func (s *Service) recordRevocation(ctx context.Context, rev *Revocation) error {
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO org_revocations(at, project_id, project, org_key_id, name, redacted, owner,
			service_account_id, local_key_id, label, status, answer) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
			rev.At, rev.ProjectID, rev.Project, rev.KeyID, rev.Name, rev.Redacted, rev.Owner, rev.ServiceAccountID,
			nullID(rev.LocalKeyID), rev.Label, rev.Status, rev.Answer)
		if err != nil {
			return fmt.Errorf("record the revocation: %w", err)
		}
		rev.ID, _ = res.LastInsertId()
		if _, err := tx.ExecContext(ctx, `DELETE FROM org_keys WHERE project_id = ? AND (id = ? OR (owner_type = 'service_account' AND owner_id = ? AND ? != ''))`,
			rev.ProjectID, rev.KeyID, rev.ServiceAccountID, rev.ServiceAccountID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM org_service_accounts WHERE project_id = ? AND id = ?`, rev.ProjectID, rev.ServiceAccountID)
		return err
	})
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Revocations lists the keys Steward revoked in OpenAI, oldest first.
func (s *Service) Revocations(ctx context.Context) ([]Revocation, error) {
	var out []Revocation
	err := s.scanAll(ctx, `SELECT id, at, project_id, project, org_key_id, name, redacted, owner, service_account_id,
		COALESCE(local_key_id, 0), label, status, answer FROM org_revocations ORDER BY id`, func(r *sql.Rows) error {
		var v Revocation
		if err := r.Scan(&v.ID, &v.At, &v.ProjectID, &v.Project, &v.KeyID, &v.Name, &v.Redacted, &v.Owner,
			&v.ServiceAccountID, &v.LocalKeyID, &v.Label, &v.Status, &v.Answer); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}
