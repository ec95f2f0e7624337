package moderation

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"steward/backend/apperr"
	"steward/backend/openai"
)

// unit is what one request carries: a batch of texts, or one item with
// an image (the API judges all the parts of a multi-modal input together).
type unit []ItemResult

// makeUnits groups a run's items into requests: texts in batches of size,
// each image item alone, in order.
func makeUnits(items []ItemResult, size int) []unit {
	var out []unit
	var batch unit
	for _, it := range items {
		if it.ImagePath != "" {
			out = append(out, unit{it})
			continue
		}
		batch = append(batch, it)
		if len(batch) == size {
			out = append(out, batch)
			batch = nil
		}
	}
	if len(batch) > 0 {
		out = append(out, batch)
	}
	return out
}

// send moderates every item of run that has no answer, with up to
// run.Concurrency requests in flight, storing each request's outcomes as
// soon as they come. The items are read a page at a time, so a run of any
// size is sent in constant memory. It returns the error that stopped the
// run, if any; a stopped ctx is not an error.
func (s *Service) send(ctx context.Context, cancel context.CancelCauseFunc, run Run, tr *tracker) error {
	page := pageSize(run)
	pending, err := s.loadPending(run.ID, -1, page)
	if err != nil || len(pending) == 0 {
		return err
	}
	client, err := s.client(run, tr)
	if err != nil {
		return err
	}
	if err := s.setRunStatus(run.ID, RunRunning, "", ""); err != nil {
		return err
	}
	stop := tr.report(s.runs.Progress)
	defer stop()
	policy := s.piiPolicy()
	work := make(chan unit)
	var once sync.Once
	var fatal error
	var wg sync.WaitGroup
	for range max(run.Concurrency, 1) {
		wg.Go(func() {
			for u := range work {
				if ctx.Err() != nil {
					continue
				}
				tr.setBusy(1)
				err := s.sendUnit(ctx, client, run, u, tr)
				tr.setBusy(-1)
				if err != nil {
					once.Do(func() { fatal = err })
					cancel(err)
				}
			}
		})
	}
	err = s.feed(ctx, run, policy, pending, page, work, tr)
	close(work)
	wg.Wait()
	if fatal == nil && err != nil && ctx.Err() == nil {
		fatal = err
	}
	return fatal
}

// feed hands the pending items to the workers page by page, the PII
// pre-screen's blocked items stored at once.
func (s *Service) feed(ctx context.Context, run Run, policy string, pending []ItemResult, page int, work chan<- unit, tr *tracker) error {
	for len(pending) > 0 {
		last := pending[len(pending)-1].Index
		send, blocked := prescreen(policy, pending)
		if err := s.saveOutcomes(run.ID, blocked); err != nil {
			return err
		}
		tr.finished(blocked)
		for _, u := range makeUnits(send, run.BatchSize) {
			select {
			case work <- u:
			case <-ctx.Done():
				return nil
			}
		}
		if len(pending) < page {
			return nil
		}
		var err error
		if pending, err = s.loadPending(run.ID, last, page); err != nil {
			return err
		}
	}
	return nil
}

// pageSize is how many items send reads at a time: whole batches, enough
// to keep every worker busy.
func pageSize(run Run) int {
	b := max(run.BatchSize, 1)
	return b * max(4*run.Concurrency, 1024/b, 1)
}

// piiPolicy is the PII pre-screen policy for a run starting now.
func (s *Service) piiPolicy() string {
	if s.runs.PII == nil {
		return PIIOff
	}
	return s.runs.PII()
}

// sendUnit moderates one unit and stores its outcomes, including those
// that came before an error that stops the run.
func (s *Service) sendUnit(ctx context.Context, client *openai.Client, run Run, u unit, tr *tracker) error {
	outs, err := moderate(ctx, client, run.Model, u)
	if serr := s.saveOutcomes(run.ID, outs); serr != nil {
		return serr
	}
	tr.finished(outs)
	return err
}

// moderate sends items in one request. An item the API refuses (400) is
// an outcome with the API's reason; a batch it refuses is split so that
// only the bad items fail. Errors that would fail every request (auth,
// quota, an unknown model, an API that does not answer) stop the run and
// are returned. An answer that arrived is kept even if ctx has stopped
// since; a request ctx stopped leaves its items pending.
func moderate(ctx context.Context, client *openai.Client, model string, items unit) ([]outcome, error) {
	req, local := request(model, items)
	if local != nil {
		return []outcome{failed(items[0].Index, local)}, nil
	}
	resp, _, err := client.Moderate(ctx, req)
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, nil
	case err == nil && len(resp.Results) != len(items):
		return failAll(items, fmt.Sprintf("The API returned %d results for %d inputs.", len(resp.Results), len(items)),
			fmt.Sprintf("API 为 %d 条输入返回了 %d 个结果。", len(items), len(resp.Results))), nil
	case err == nil:
		outs := make([]outcome, len(items))
		for i, it := range items {
			outs[i] = outcome{idx: it.Index, result: &resp.Results[i]}
		}
		return outs, nil
	case apperr.CodeOf(err) != openai.CodeBadRequest:
		return nil, err
	case len(items) == 1:
		return []outcome{failed(items[0].Index, err)}, nil
	}
	var outs []outcome
	for _, it := range items {
		o, err := moderate(ctx, client, model, unit{it})
		if err != nil || ctx.Err() != nil {
			return outs, err
		}
		outs = append(outs, o...)
	}
	return outs, nil
}

// request builds the API request for items; local is an error found
// before sending, such as an unreadable image.
func request(model string, items unit) (req openai.ModerationRequest, local error) {
	req.Model = model
	if len(items) == 1 && items[0].ImagePath != "" {
		url, err := imageDataURL("moderation.run", items[0].ImagePath)
		if err != nil {
			return req, err
		}
		if strings.TrimSpace(items[0].Input) != "" {
			req.Input = append(req.Input, openai.TextInput(items[0].Input))
		}
		req.Input = append(req.Input, openai.ImageInput(url))
		return req, nil
	}
	for _, it := range items {
		req.Texts = append(req.Texts, it.Input)
	}
	return req, nil
}

// failed is an item's error outcome, in both languages.
func failed(idx int, err error) outcome {
	_, en := apperr.Describe(err, "en")
	_, zh := apperr.Describe(err, "zh-CN")
	return outcome{idx: idx, errEn: en, errZh: zh}
}

func failAll(items unit, en, zh string) []outcome {
	outs := make([]outcome, len(items))
	for i, it := range items {
		outs[i] = outcome{idx: it.Index, errEn: en, errZh: zh}
	}
	return outs
}

// client builds the run's API client: its limiter, its observer (the
// tracker and the configured one) and its sleeper (which shows waits in
// the progress).
func (s *Service) client(run Run, tr *tracker) (*openai.Client, error) {
	if s.runs.Config == nil {
		return nil, apperr.Text(openai.CodeKeyMissing, "moderation.run",
			"No OpenAI API key is set. Add one in Settings or set OPENAI_API_KEY.",
			"未设置 OpenAI API 密钥。请在设置中添加，或设置环境变量 OPENAI_API_KEY。")
	}
	cfg, err := s.runs.Config()
	if err != nil {
		return nil, err
	}
	sleep := s.runs.Sleep
	if sleep == nil {
		sleep = sleepContext
	}
	opts := []openai.Option{
		openai.WithClock(s.now),
		openai.WithSleep(tr.sleeper(false, sleep)),
		openai.WithObserver(observers{tr, s.runs.Observer}),
	}
	if s.runs.Retry.MaxAttempts > 0 {
		opts = append(opts, openai.WithRetryPolicy(s.runs.Retry))
	}
	if run.RPM > 0 || run.TPM > 0 {
		lim := openai.NewLimiter(openai.Limits{RequestsPerMinute: run.RPM, TokensPerMinute: run.TPM}, s.now, tr.sleeper(true, sleep))
		opts = append(opts, openai.WithLimiter(lim))
	}
	return openai.New(cfg, opts...)
}

// observers passes each call to every observer that is set.
type observers []openai.CallObserver

// ObserveCall passes c on.
func (o observers) ObserveCall(c openai.CallInfo) {
	for _, obs := range o {
		if obs != nil {
			obs.ObserveCall(c)
		}
	}
}

// sleepContext waits d or until ctx is done.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
