package main

import (
	"context"
	"net/http"
	"time"

	"steward/backend/apperr"
	"steward/backend/openai"
	"steward/backend/usage"
)

// SettingAdminKey is the settings key naming the registered admin key used
// to reconcile with the organization usage API.
const SettingAdminKey = "usage_admin_key_label"

// openUsage builds the usage log and starts its writer; old rows are pruned
// in the background, daily rollups kept.
func (a *App) openUsage() {
	a.usage = usage.New(usage.NewSQLite(a.store), usage.Options{Log: a.log.Logger, KeyLabels: a.keys.Labels})
	a.usageWriter = usage.NewWriter(a.usage, usage.WriterOptions{Log: a.log.Logger})
	a.usageScreen = usage.NewScreen(a.usage, a.usageWriter, a.context, a.adminAccess)
	go func() {
		if _, err := a.usage.Prune(context.Background()); err != nil {
			a.log.Error("prune usage log", "error", err.Error())
		}
	}()
}

// closeUsage drains the usage queue on shutdown.
func (a *App) closeUsage() {
	if a.usageWriter == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	a.usageWriter.Close(ctx)
}

// observer records the app's own API calls in the usage log.
func (a *App) observer() openai.CallObserver {
	return openai.ObserverFunc(func(c openai.CallInfo) {
		if a.usageWriter != nil {
			a.usageWriter.Record(usage.FromCall(c, usage.SourceApp, ""))
		}
	})
}

// adminAccess fetches the admin key for reconciliation from the vault.
func (a *App) adminAccess(ctx context.Context) (*http.Client, string, string, error) {
	label, _ := a.settings.Value(ctx, SettingAdminKey)
	if label == "" {
		return nil, "", "", apperr.Text(apperr.Invalid, "app.admin_key",
			"Choose the registered admin key (sk-admin-…) to read the organization's usage with.",
			"请选择用于读取组织用量的已登记管理员密钥（sk-admin-…）。")
	}
	key, err := a.keys.Secret(ctx, label)
	if err != nil {
		return nil, "", "", err
	}
	base, _ := a.settings.Value(ctx, SettingBaseURL)
	return http.DefaultClient, base, key, nil
}

// AdminKey is the label of the admin key used for reconciliation.
func (a *App) AdminKey() (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	return a.settings.Value(context.Background(), SettingAdminKey)
}

// SetAdminKey chooses the registered admin key used for reconciliation.
func (a *App) SetAdminKey(label string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	if label != "" {
		if _, err := a.keys.Key(context.Background(), label); err != nil {
			return "", err
		}
	}
	return label, a.settings.SetValue(context.Background(), SettingAdminKey, label)
}

// ExportUsageReport asks where to save and writes the usage report in format
// (table, csv, json or html) and lang. It returns the path, or "" if cancelled.
func (a *App) ExportUsageReport(req usage.ReportRequest, format, lang string) (string, error) {
	if err := a.ready(); err != nil {
		return "", err
	}
	ext := format
	if ext == "table" {
		ext = "txt"
	}
	path, err := a.savePath("steward-usage-"+req.By+"."+ext, ext)
	if err != nil || path == "" {
		return "", err
	}
	return path, a.usageScreen.ExportReport(req, format, lang, path)
}
