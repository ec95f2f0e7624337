// Package settings keeps the app's small preferences (never secrets) in the
// settings table, and works out the language the UI and messages use.
package settings

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"steward/backend/apperr"
	"steward/backend/store"
)

// Languages the app speaks.
const (
	LangEn = "en"
	LangZh = "zh-CN"
)

const keyLanguage = "language"

// Settings is what the Settings screen shows.
type Settings struct {
	Language          string `json:"language"`           // "" follows the system
	EffectiveLanguage string `json:"effective_language"` // en or zh-CN
	SystemLanguage    string `json:"system_language"`    // the OS locale as read
}

// Service reads and writes settings.
type Service struct {
	st     *store.Store
	system func() string // the OS locale, e.g. "zh_CN.UTF-8"; injectable for tests
}

// New returns a settings service; systemLocale may be nil for the OS default.
func New(st *store.Store, systemLocale func() string) *Service {
	if systemLocale == nil {
		systemLocale = SystemLocale
	}
	return &Service{st: st, system: systemLocale}
}

// Get returns the current settings.
func (s *Service) Get() (Settings, error) {
	lang, err := s.Value(context.Background(), keyLanguage)
	if err != nil {
		return Settings{}, err
	}
	sys := s.system()
	eff := lang
	if eff == "" {
		eff = Match(sys)
	}
	return Settings{Language: lang, EffectiveLanguage: eff, SystemLanguage: sys}, nil
}

// Language is the effective language, English if settings cannot be read.
func (s *Service) Language() string {
	st, err := s.Get()
	if err != nil {
		return LangEn
	}
	return st.EffectiveLanguage
}

// SetLanguage remembers lang ("" to follow the system).
func (s *Service) SetLanguage(lang string) (Settings, error) {
	if lang != "" && lang != LangEn && lang != LangZh {
		return Settings{}, apperr.New(apperr.LanguageUnknown, "settings.language", "lang", lang)
	}
	if err := s.SetValue(context.Background(), keyLanguage, lang); err != nil {
		return Settings{}, err
	}
	return s.Get()
}

// Value reads one setting; a missing key is "".
func (s *Service) Value(ctx context.Context, key string) (string, error) {
	var v string
	err := s.st.Read().QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, nil
}

// SetValue writes one setting.
func (s *Service) SetValue(ctx context.Context, key, value string) error {
	return s.st.Write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("write setting %s: %w", key, err)
		}
		return nil
	})
}
