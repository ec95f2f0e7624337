package gateway

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"steward/backend/apperr"
	"steward/backend/store"
)

// PrimaryName names the primary provider: the gateway's upstream and key.
const PrimaryName = "primary"

// Provider is one OpenAI-compatible API the gateway can send calls to: the
// primary (Config.Upstream with Config.UpstreamKeyLabel) or a fallback
// tried, in order, when the ones before it fail at the account level or
// are down.
type Provider struct {
	Name     string `json:"name"`
	BaseURL  string `json:"base_url"`  // e.g. https://api.deepseek.com/v1
	KeyLabel string `json:"key_label"` // label of its key in the key register
	// Models maps the model a call asks for to the model this provider
	// serves ("gpt-4o-mini" -> "deepseek-chat"); unmapped models go as asked.
	Models  map[string]string `json:"models"`
	Primary bool              `json:"primary"`
}

// mapModel is the model to send this provider for a call that asked for m.
func (p Provider) mapModel(m string) (string, bool) {
	to, ok := p.Models[m]
	return to, ok
}

// Codes of provider errors.
const (
	CodeProviderInvalid  apperr.Code = "gateway_provider_invalid"
	CodeProviderNotFound apperr.Code = "gateway_provider_not_found"
)

// Providers is the stored, ordered list of fallback providers, and the
// drills that test them.
type Providers struct {
	st     *store.Store
	now    func() time.Time
	secret SecretFunc
	client *http.Client
}

// ProvidersOptions are what Providers needs beyond the store; all are
// optional but Secret, without which tests and drills cannot authenticate.
type ProvidersOptions struct {
	// Secret reads a registered key by label: keys.Register.Secret.
	Secret SecretFunc
	// Client sends test and drill requests; a client with a 30 s timeout by default.
	Client *http.Client
	// Now is the clock; time.Now by default.
	Now func() time.Time
}

// NewProviders returns the provider list kept in st.
func NewProviders(st *store.Store, opts ProvidersOptions) *Providers {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 30 * time.Second}
	}
	return &Providers{st: st, now: opts.Now, secret: opts.Secret, client: opts.Client}
}

// Fallbacks lists the fallback providers in the order they are tried.
func (p *Providers) Fallbacks(ctx context.Context) ([]Provider, error) {
	rows, err := p.st.Read().QueryContext(ctx,
		`SELECT name, base_url, key_label, model_map FROM gateway_providers ORDER BY position`)
	if err != nil {
		return nil, fmt.Errorf("read gateway providers: %w", err)
	}
	defer rows.Close()
	var out []Provider
	for rows.Next() {
		var pr Provider
		var models string
		if err := rows.Scan(&pr.Name, &pr.BaseURL, &pr.KeyLabel, &models); err != nil {
			return nil, fmt.Errorf("read gateway providers: %w", err)
		}
		if err := json.Unmarshal([]byte(models), &pr.Models); err != nil {
			return nil, fmt.Errorf("read the model map of provider %s: %w", pr.Name, err)
		}
		out = append(out, pr)
	}
	return out, rows.Err()
}

// List is every provider in order: the primary, from cfg, then the
// fallbacks.
func (p *Providers) List(ctx context.Context, cfg Config) ([]Provider, error) {
	fb, err := p.Fallbacks(ctx)
	if err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	primary := Provider{Name: PrimaryName, BaseURL: cfg.Upstream, KeyLabel: cfg.UpstreamKeyLabel, Primary: true, Models: map[string]string{}}
	return append([]Provider{primary}, fb...), nil
}

// Find returns the provider called name from List.
func (p *Providers) Find(ctx context.Context, cfg Config, name string) (Provider, error) {
	all, err := p.List(ctx, cfg)
	if err != nil {
		return Provider{}, err
	}
	for _, pr := range all {
		if strings.EqualFold(pr.Name, name) {
			return pr, nil
		}
	}
	return Provider{}, notFound(name)
}

func notFound(name string) error {
	return apperr.Text(CodeProviderNotFound, "gateway.providers",
		fmt.Sprintf("There is no provider %q. Run \"steward gateway providers list\" for the list.", name),
		fmt.Sprintf("没有名为“%s”的服务商。运行“steward gateway providers list”查看列表。", name))
}

// Add appends a fallback provider, tried after the others.
func (p *Providers) Add(ctx context.Context, pr Provider) (Provider, error) {
	pr, err := pr.clean()
	if err != nil {
		return pr, err
	}
	models, _ := json.Marshal(pr.Models)
	err = p.st.Write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM gateway_providers WHERE lower(name) = lower(?)`, pr.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.Text(CodeProviderInvalid, "gateway.providers.add",
				fmt.Sprintf("A provider called %q exists already; remove it first to change it.", pr.Name),
				fmt.Sprintf("已有名为“%s”的服务商；如需修改，请先删除。", pr.Name))
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO gateway_providers(position, name, base_url, key_label, model_map, created_at)
			VALUES ((SELECT coalesce(max(position), 0) + 1 FROM gateway_providers), ?, ?, ?, ?, ?)`,
			pr.Name, pr.BaseURL, pr.KeyLabel, string(models), p.now().UTC().Format(time.RFC3339))
		return err
	})
	if err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) {
			return pr, err
		}
		return pr, fmt.Errorf("add gateway provider %s: %w", pr.Name, err)
	}
	return pr, nil
}

// Remove deletes a fallback provider; the primary is the gateway's
// upstream setting and is changed there.
func (p *Providers) Remove(ctx context.Context, name string) error {
	if strings.EqualFold(strings.TrimSpace(name), PrimaryName) {
		return apperr.Text(CodeProviderInvalid, "gateway.providers.remove",
			"The primary provider is the gateway's upstream; change it with \"steward settings set gateway.upstream URL\".",
			"主服务商即网关的上游地址；请用“steward settings set gateway.upstream URL”修改。")
	}
	var n int64
	err := p.st.Write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM gateway_providers WHERE lower(name) = lower(?)`, strings.TrimSpace(name))
		if err == nil {
			n, err = res.RowsAffected()
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("remove gateway provider %s: %w", name, err)
	}
	if n == 0 {
		return notFound(name)
	}
	return nil
}

// clean checks a provider as a user gave it.
func (pr Provider) clean() (Provider, error) {
	bad := func(en, zh string) (Provider, error) {
		return pr, apperr.Text(CodeProviderInvalid, "gateway.providers.add", en, zh)
	}
	pr.Name, pr.KeyLabel = strings.TrimSpace(pr.Name), strings.TrimSpace(pr.KeyLabel)
	pr.BaseURL = strings.TrimRight(strings.TrimSpace(pr.BaseURL), "/")
	switch {
	case pr.Name == "" || strings.ContainsAny(pr.Name, " \t/"):
		return bad("A provider needs a name without spaces or slashes, e.g. deepseek.", "服务商名称不能为空，且不能含空格或斜杠，例如 deepseek。")
	case strings.EqualFold(pr.Name, PrimaryName):
		return bad("\"primary\" names the gateway's upstream; choose another name.", "“primary”指网关的上游，请换一个名称。")
	case pr.KeyLabel == "":
		return bad("A provider needs the label of its key in the key register (--key LABEL).", "服务商需要其密钥在密钥登记中的标签（--key LABEL）。")
	}
	u, err := url.Parse(pr.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.User != nil {
		return bad(fmt.Sprintf("The base URL %q is not an http(s) URL without a query or password, e.g. https://api.deepseek.com/v1.", pr.BaseURL),
			fmt.Sprintf("基础地址“%s”不是不带查询参数和密码的 http(s) 网址，例如 https://api.deepseek.com/v1。", pr.BaseURL))
	}
	if pr.Models == nil {
		pr.Models = map[string]string{}
	}
	return pr, nil
}

// ParseModelMap reads a model map written FROM=TO,FROM=TO.
func ParseModelMap(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		if pair = strings.TrimSpace(pair); pair == "" {
			continue
		}
		from, to, ok := strings.Cut(pair, "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		if !ok || from == "" || to == "" {
			return nil, apperr.Text(CodeProviderInvalid, "gateway.providers.models",
				fmt.Sprintf("%q is not FROM=TO, e.g. gpt-4o-mini=deepseek-chat.", pair),
				fmt.Sprintf("“%s”不是 FROM=TO 格式，例如 gpt-4o-mini=deepseek-chat。", pair))
		}
		out[from] = to
	}
	return out, nil
}

// FormatModelMap writes a model map as ParseModelMap reads it, sorted.
func FormatModelMap(m map[string]string) string {
	pairs := make([]string, 0, len(m))
	for k, v := range m {
		pairs = append(pairs, k+"="+v)
	}
	sort.Strings(pairs)
	return strings.Join(pairs, ",")
}
