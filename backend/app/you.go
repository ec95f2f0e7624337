package app

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"steward/backend/apperr"
)

// SettingYou is the settings key of who "you" are in the audit trail.
const SettingYou = "you"

// maxYouLen bounds the chosen name, in characters.
const maxYouLen = 80

// You is who the checklist's audit trail names for changes made here.
type You struct {
	Name    string   `json:"name"`    // chosen in Settings; "" for the OS user's name
	OSUser  string   `json:"os_user"` // the fallback; "" when it cannot be read
	Members []string `json:"members"` // the team's members (keys register), to choose from
}

// You returns the chosen name, the OS user's name and the members to
// choose from.
func (s *Settings) You(ctx context.Context) (You, error) {
	name, err := s.c.settings.Value(ctx, SettingYou)
	if err != nil {
		return You{}, fmt.Errorf("read who you are: %w", err)
	}
	members, err := s.memberNames(ctx)
	if err != nil {
		return You{}, err
	}
	return You{Name: name, OSUser: osUser(s.c.opts.Getenv), Members: members}, nil
}

// SetYou chooses who the audit trail names: a member of the team (spelled
// as in the register whatever the case given), any other name, or "" for
// the OS user's name.
func (s *Settings) SetYou(ctx context.Context, name string) (You, error) {
	name = strings.TrimSpace(name)
	if err := checkYou(name); err != nil {
		return You{}, err
	}
	members, err := s.memberNames(ctx)
	if err != nil {
		return You{}, err
	}
	for _, m := range members {
		if strings.EqualFold(m, name) {
			name = m
			break
		}
	}
	if err := s.c.settings.SetValue(ctx, SettingYou, name); err != nil {
		return You{}, fmt.Errorf("save who you are: %w", err)
	}
	return s.You(ctx)
}

// checkYou refuses a name the audit trail cannot hold as it is.
func checkYou(name string) error {
	bad := strings.ContainsRune(name, ':') || strings.IndexFunc(name, unicode.IsControl) >= 0
	if bad || len([]rune(name)) > maxYouLen {
		return apperr.Text(apperr.Invalid, "app.you",
			fmt.Sprintf("Your name for the audit trail must be at most %d characters, on one line, without ':'. Choose a member, or leave it empty for your computer's user name.", maxYouLen),
			fmt.Sprintf("审计记录中的名字最多 %d 个字符，只能一行，且不能包含“:”。请选择一位成员，或留空以使用电脑的用户名。", maxYouLen))
	}
	return nil
}

// memberNames lists the team's members by name.
func (s *Settings) memberNames(ctx context.Context) ([]string, error) {
	ms, err := s.c.keys.Members(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the team's members: %w", err)
	}
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.Name)
	}
	return out, nil
}

// youActor is the checklist's actor of a change made now: the front and the
// name chosen in Settings, or "" when none is chosen (the OS user's stands).
func (c *core) youActor() string {
	name, err := c.settings.Value(context.Background(), SettingYou)
	if err != nil || name == "" {
		return ""
	}
	return actorName(c.opts.Source, name)
}
